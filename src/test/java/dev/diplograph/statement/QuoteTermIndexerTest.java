package dev.diplograph.statement;

import static io.restassured.RestAssured.given;
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
 * On H2, a statement is found by its words at once (from the pending lists) and after the indexer has
 * run (from the term index); a changed text is found by its new words only, before and after; an
 * import lists its new statements as a range of ids, not one row each.
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

    @Test
    void anImportListsItsNewStatementsAsOneRangeThatTheIndexerWorksOff() throws SQLException {
        StringBuilder statements = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            statements.append(i == 0 ? "" : ", ").append("""
                    {"key": "qti-bulk-%d", "speaker": "qti-leader", "kind": "PARAPHRASE", "source": "qti-source",
                     "text": "Marigolds number %d bloom beside the quay."}""".formatted(i, i));
        }
        long waitingBefore = indexer.pending();
        given().contentType("application/json").header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN)
                .body("{\"format\": \"visits-dataset/1\", \"statements\": [" + statements + "]}")
                .when().post("/api/datasets").then().statusCode(200)
                .body("records.statements.created", equalTo(30));
        // one range of 30 consecutive ids, nothing listed one by one
        assertEquals(List.of(30L), rangeSizes("qti-bulk-%"));
        assertEquals(0, pending("qti-bulk-%"));
        assertFound("marigolds quay", 30);

        // changed while still waiting in its range: indexed with its new words only, once
        String changed = "Tulips replace the marigolds of statement seven.";
        GraphQL.asEditor(UPSERT.replace("qti-quote", "qti-bulk-7"), Map.of("text", changed)).body("errors", nullValue());
        assertEquals(1, pending("qti-bulk-7"));
        assertEquals(waitingBefore + 31, indexer.pending(), "30 new ids, one changed statement");

        indexer.drain();
        assertEquals(List.of(), rangeSizes("qti-bulk-%"));
        assertEquals(0, pending("qti-bulk-%"));
        assertEquals(0, indexer.pending());
        assertEquals(new TreeSet<>(QuoteSearch.terms(changed)), new TreeSet<>(terms("qti-bulk-7")));
        assertEquals(new TreeSet<>(QuoteSearch.terms("Marigolds number 8 bloom beside the quay.")),
                new TreeSet<>(terms("qti-bulk-8")));
        assertFound("marigolds quay", 29);
        assertFound("tulips marigolds", 1);
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

    /** Statements listed one by one (changed texts) whose key is LIKE {@code key}. */
    private int pending(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM statement_term_pending p JOIN statement s ON s.id = p.statement_id"
                        + " WHERE s.statement_key LIKE ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Sizes of the ranges of new ids that hold statements whose key is LIKE {@code key}, counted in statements. */
    private List<Long> rangeSizes(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM statement_term_pending_range r JOIN statement s ON s.id BETWEEN r.first_id AND r.last_id"
                        + " WHERE s.statement_key LIKE ? GROUP BY r.first_id ORDER BY r.first_id")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                List<Long> sizes = new ArrayList<>();
                while (rs.next()) {
                    sizes.add(rs.getLong(1));
                }
                return sizes;
            }
        }
    }
}
