package dev.diplograph.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL's {@code diplograph_fold} and H2's term index fold text the same way: the migration reads
 * the same letters as plain, and on PostgreSQL every accented letter folds in SQL as it does in Java.
 */
@QuarkusTest
class FoldingTest {

    static final String MIGRATION = "db/migration/postgresql/V8__accent_insensitive_search.sql";

    @Inject
    Database database;

    @Test
    void theMigrationReadsTheSameLettersAsPlain() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MIGRATION)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(sql.contains("'" + Folding.plainFrom() + "', '" + Folding.plainTo() + "'"), sql);
        assertEquals("turkiye istanbul kirikkale turkiye lodz da nang αθηνα 대한민국",
                Folding.fold("Türkiye İstanbul Kırıkkale Tu\u0308rkiye Łódź Đà Nẵng Αθήνα 대한민국"));
    }

    @Test
    void postgresqlFoldsEveryLetterAndAccentAsJavaDoes() throws SQLException {
        Assumptions.assumeTrue(database.kind() == Database.Kind.POSTGRESQL, "PostgreSQL runs only");
        String letters = accentedLetters() + Folding.plainFrom();
        assertTrue(letters.length() > 500, "letters: " + letters.length());
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement fold = connection.prepareStatement("SELECT lower(diplograph_fold(?))")) {
            for (int i = 0; i < letters.length(); i++) {
                // inside a word: Java lower-cases a final Σ to ς, PostgreSQL to σ
                String letter = "x" + letters.charAt(i) + "\u0301x";
                assertEquals(Folding.fold(letter), folded(fold, letter), "U+" + Integer.toHexString(letters.charAt(i)));
            }
            String sentence = "Türkiye, İstanbul, Kırıkkale, Tu\u0308rkiye, Łódź, Đà Nẵng, Αθήνα, Ёлка, 대한민국";
            assertEquals(Folding.fold(sentence), folded(fold, sentence));
        }
    }

    /** Every letter of the Latin, Greek and Cyrillic blocks that folds to another single letter. */
    private static String accentedLetters() {
        StringBuilder letters = new StringBuilder();
        int[][] blocks = { { 0x00C0, 0x024F }, { 0x0370, 0x04FF }, { 0x1E00, 0x1FFF } };
        for (int[] block : blocks) {
            for (char c = (char) block[0]; c <= block[1]; c++) {
                String folded = Character.isLetter(c) ? Folding.fold(String.valueOf(c)) : "";
                if (folded.length() == 1 && folded.charAt(0) != c) {
                    letters.append(c);
                }
            }
        }
        return letters.toString();
    }

    private static String folded(PreparedStatement fold, String text) throws SQLException {
        fold.setString(1, text);
        try (ResultSet rs = fold.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
