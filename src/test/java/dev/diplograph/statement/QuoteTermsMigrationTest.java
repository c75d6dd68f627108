package dev.diplograph.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 migration that creates the quote term index backfills existing statements with the same
 * words the dataset writer stores for new ones.
 */
class QuoteTermsMigrationTest {

    static final Map<Long, String> TEXTS = Map.of(
            1L, "Talks are underway on Türkiye's Sinop Nuclear Power Plant, and Seoul hopes to contribute.",
            2L, "K-ETA: 100% streamlined; 대한민국 and Türkiye are 'brothers' since 1950.",
            3L, "Words repeat, repeat, REPEAT.");

    @Test
    void backfillMatchesTheWritersTokenizer(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations("db/migration/common", "db/migration/h2")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("INSERT INTO country (id, code, name) VALUES (1, 'KR', 'South Korea')");
            c.createStatement().execute(
                    "INSERT INTO leader (id, slug, name, office, country_id) VALUES (1, 'l', 'L', 'President', 1)");
            c.createStatement().execute("INSERT INTO source (id, source_key, outlet) VALUES (1, 's', 'Outlet')");
            for (Map.Entry<Long, String> e : TEXTS.entrySet()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO statement (id, statement_key, speaker_id,"
                        + " quote_text, kind, language, source_id) VALUES (?, ?, 1, ?, ?, 'en', 1)")) {
                    insert.setLong(1, e.getKey());
                    insert.setString(2, "k" + e.getKey());
                    insert.setString(3, e.getValue());
                    insert.setString(4, "DIRECT");
                    insert.executeUpdate();
                }
            }
        }
        Flyway.configure().dataSource(url, "sa", "").locations("db/migration/common", "db/migration/h2").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (Map.Entry<Long, String> e : TEXTS.entrySet()) {
                List<String> stored = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT term FROM statement_term WHERE statement_id = ?")) {
                    select.setLong(1, e.getKey());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            stored.add(rs.getString(1));
                        }
                    }
                }
                assertEquals(new TreeSet<>(QuoteSearch.terms(e.getValue())), new TreeSet<>(stored), e.getValue());
                assertEquals(QuoteSearch.terms(e.getValue()).size(), stored.size(), "no duplicate terms");
            }
        }
    }
}
