package dev.diplograph.statement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On H2, a statement is found by its words at once (from the pending list) and after the indexer has
 * run (from the term index); a changed text is found by its new words only, before and after.
 */
@QuarkusTest
class QuoteTermIndexerTest {

    static final String UPSERT = """
            mutation($text: String!) { upsertStatement(input: {key: "qti-quote", speaker: "qti-leader", text: $text,
              kind: DIRECT, source: "qti-source"}) { key } }""";
    static final String SEARCH = """
            query($text: String) { quotes(filter: {text: $text}) { totalCount edges { node { key } } } }""";

    @Inject
    Database database;

    @Inject
    QuoteTermIndexer indexer;

    @BeforeEach
    void onH2() {
        Assumptions.assumeTrue(database.kind() == Database.Kind.H2, "PostgreSQL indexes texts itself");
        GraphQL.asEditor("""
                mutation { upsertCountry(input: {code: "QT", name: "Qtland"}) { code }
                  upsertLeader(input: {slug: "qti-leader", name: "Qti Leader", country: "QT"}) { slug }
                  upsertSource(input: {key: "qti-source", outlet: "Qti Wire"}) { key } }""")
                .body("errors", nullValue());
    }

    @Test
    void newAndChangedTextsAreFoundBeforeAndAfterIndexing() throws SQLException {
        String first = "Zephyrine turbines will power Qtland's quiet harbours.";
        GraphQL.asEditor(UPSERT, Map.of("text", first)).body("errors", nullValue());
        assertEquals(List.of(), terms("qti-quote"), "indexed before the indexer ran");
        assertFound("ZEPHYRINE harbours", 1);

        indexer.drain();
        assertEquals(new TreeSet<>(QuoteSearch.terms(first)), new TreeSet<>(terms("qti-quote")));
        assertEquals(0, pending("qti-quote"));
        assertFound("ZEPHYRINE harbours", 1);
        assertFound("zephyrine windmills", 0);

        String second = "Windmills replace the old plan entirely.";
        GraphQL.asEditor(UPSERT, Map.of("text", second)).body("errors", nullValue());
        assertEquals(List.of(), terms("qti-quote"), "old words stay indexed after the text changed");
        assertFound("zephyrine", 0);
        assertFound("windmills", 1);

        indexer.drain();
        assertEquals(new TreeSet<>(QuoteSearch.terms(second)), new TreeSet<>(terms("qti-quote")));
        assertFound("zephyrine", 0);
        assertFound("windmills plan", 1);
    }

    private static void assertFound(String text, int count) {
        GraphQL.post(SEARCH, Map.of("text", text))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(count));
    }

    private List<String> terms(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT t.term FROM statement_term t JOIN statement s ON s.id = t.statement_id WHERE s.statement_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                List<String> terms = new ArrayList<>();
                while (rs.next()) {
                    terms.add(rs.getString(1));
                }
                return terms;
            }
        }
    }

    private int pending(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM statement_term_pending p JOIN statement s ON s.id = p.statement_id"
                        + " WHERE s.statement_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
