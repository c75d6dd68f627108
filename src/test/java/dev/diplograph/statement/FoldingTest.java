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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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

    /** The migration that defines PostgreSQL's diplograph_fold as it is now. */
    static final String MIGRATION = "db/migration/postgresql/V10__fold_expanded_letters.sql";

    @Inject
    Database database;

    @Test
    void theMigrationReadsTheSameLettersAsPlain() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MIGRATION)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(sql.contains("'" + Folding.plainFrom() + "', '" + Folding.plainTo() + "'"), sql);
        // each letter read as two, in every case that lower-cases to it (ẞ, Æ, Œ)
        Set<Character> replaced = new TreeSet<>();
        for (char c : (accentedLetters() + Folding.plainFrom() + String.join("", Folding.expanded().keySet()))
                .toCharArray()) {
            String plain = Folding.expanded().get(String.valueOf(c).toLowerCase(Locale.ROOT));
            if (plain != null) {
                assertTrue(sql.contains("'" + c + "', '" + plain + "'"), "U+" + Integer.toHexString(c));
                replaced.add(c);
            }
        }
        assertEquals(Set.of('ß', 'ẞ', 'æ', 'Æ', 'œ', 'Œ'), replaced);
        assertEquals("turkiye istanbul kirikkale turkiye lodz da nang αθηνα 대한민국 strasse strasse aesir oeuvre",
                Folding.fold("Türkiye İstanbul Kırıkkale Tu\u0308rkiye Łódź Đà Nẵng Αθήνα 대한민국 Straße STRAẞE Æsir Œuvre"));
    }

    @Test
    void withoutAccentsKeepsTheCaseAndReadsNoLetterAsTwo() {
        assertEquals("Erdogan Lodz Kirikkale Istanbul ORSTED Straße Turkiye Αθηνα",
                Folding.withoutAccents("Erdoğan Łódź Kırıkkale İstanbul ØRSTED Straße Tu\u0308rkiye Αθήνα"));
        for (String text : new String[] { "Türkiye İstanbul Kırıkkale Łódź Đà Nẵng", "STRAẞE Æsir" }) {
            assertEquals(Folding.fold(text), Folding.fold(Folding.withoutAccents(text)), text);
        }
    }

    @Test
    void postgresqlFoldsEveryLetterAndAccentAsJavaDoes() throws SQLException {
        Assumptions.assumeTrue(database.kind() == Database.Kind.POSTGRESQL, "PostgreSQL runs only");
        String letters = accentedLetters() + Folding.plainFrom() + String.join("", Folding.expanded().keySet());
        assertTrue(letters.length() > 500, "letters: " + letters.length());
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement fold = connection.prepareStatement("SELECT lower(diplograph_fold(?))")) {
            for (int i = 0; i < letters.length(); i++) {
                // inside a word: Java lower-cases a final Σ to ς, PostgreSQL to σ
                String letter = "x" + letters.charAt(i) + "\u0301x";
                assertEquals(Folding.fold(letter), folded(fold, letter), "U+" + Integer.toHexString(letters.charAt(i)));
            }
            String sentence = "Türkiye, İstanbul, Kırıkkale, Tu\u0308rkiye, Łódź, Đà Nẵng, Αθήνα, Ёлка, 대한민국, Straße, Æsir";
            assertEquals(Folding.fold(sentence), folded(fold, sentence));
        }
    }

    /** Every letter of the Latin, Greek and Cyrillic blocks that folds to something else than itself. */
    private static String accentedLetters() {
        StringBuilder letters = new StringBuilder();
        int[][] blocks = { { 0x00C0, 0x024F }, { 0x0370, 0x04FF }, { 0x1E00, 0x1FFF } };
        for (int[] block : blocks) {
            for (char c = (char) block[0]; c <= block[1]; c++) {
                String folded = Character.isLetter(c) ? Folding.fold(String.valueOf(c)) : "";
                if (!folded.isEmpty() && !folded.equals(String.valueOf(c))) {
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
