package dev.diplograph.statement;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The quote text criterion is answered from an index on whichever database the suite runs against,
 * and the suite runs against the database it was asked to (-Dexpect.database).
 */
@QuarkusTest
class QuoteSearchIndexTest {

    @Inject
    Database database;

    @Inject
    QuoteTermIndexer indexer;

    @Test
    void theSuiteRunsOnTheRequestedDatabase() {
        String expected = System.getProperty("expect.database", "h2");
        assertEquals(expected.toUpperCase(Locale.ROOT), database.kind().name());
    }

    @Test
    void theTextCriterionUsesTheIndex() throws SQLException {
        String plan;
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            if (database.kind() == Database.Kind.POSTGRESQL) {
                // The test tables are tiny, so tell the planner a sequential scan is not an option.
                st.execute("SET enable_seqscan = off");
                plan = explain(st, QuoteSearch.POSTGRESQL_CRITERION.replace(":text", "'sinop nuclear'"));
                assertTrue(plan.contains("statement_quote_search_idx"), plan);
            } else {
                plan = explain(st, QuoteSearch.h2Criterion(2).replace(":term0", "'sinop'")
                        .replace(":term1", "'nuclear'").replace(":words", "'sinop'"));
                // the term table's primary key (term, statement_id): a range for the first term, a
                // probe per candidate for the second; then the statements looked up by the ids found
                // (the subquery runs once, not per row)
                assertTrue(plan.matches("(?s).*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: TERM = 'sinop' \\*/.*"), plan);
                assertTrue(plan.matches("(?s).*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: TERM = 'nuclear'\\s+"
                        + "AND STATEMENT_ID = T0\\.STATEMENT_ID\\s+\\*/.*"), plan);
                assertTrue(plan.matches("(?s).*FROM \"PUBLIC\"\\.\"STATEMENT\" \"S\"\\s+"
                        + "/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ID IN\\(SELECT DISTINCT.*"), plan);
                // common words: every statement probed by the term table's key, per term
                plan = explain(st, QuoteSearch.h2CommonCriterion(2).replace(":term0", "'sinop'")
                        .replace(":term1", "'nuclear'").replace(":words", "'sinop'"));
                assertTrue(plan.matches("(?s).*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: TERM = 'sinop'\\s+"
                        + "AND STATEMENT_ID = S\\.ID\\s+\\*/.*"), plan);
                assertTrue(plan.matches("(?s).*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: TERM = 'nuclear'\\s+"
                        + "AND STATEMENT_ID = S\\.ID\\s+\\*/.*"), plan);
            }
        }
    }

    @Test
    void bothH2FormsFindTheSameStatements() throws SQLException {
        Assumptions.assumeTrue(database.kind() == Database.Kind.H2);
        indexer.drain(); // so that the term index, not the pending list, answers
        int found = 0;
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String text : List.of("sinop", "nuclear power", "Korea", "nuclear windmill", "defense industry")) {
                List<String> terms = QuoteSearch.terms(text);
                String rare = literals(QuoteSearch.h2Criterion(terms.size()), terms);
                String common = literals(QuoteSearch.h2CommonCriterion(terms.size()), terms);
                List<Long> byRare = ids(st, rare);
                assertEquals(byRare, ids(st, common), text);
                found += byRare.size();
            }
        }
        assertTrue(found > 3, "the queries should find something");
    }

    @Test
    void bothH2FormsFindAStatementStillWaitingForTheIndexer() throws SQLException {
        Assumptions.assumeTrue(database.kind() == Database.Kind.H2);
        GraphQL.asEditor("""
                mutation { upsertCountry(input: {code: "QU", name: "Qwland"}) { code }
                  upsertLeader(input: {slug: "qsi-leader", name: "Qsi Leader", country: "QU"}) { slug }
                  upsertSource(input: {key: "qsi-source", outlet: "Qsi Wire"}) { key }
                  upsertStatement(input: {key: "qsi-waiting", speaker: "qsi-leader", kind: DIRECT, source: "qsi-source",
                    text: "Çanakkale's ferries and Qwland's QSIWATT-powered köprü plans"}) { key } }""")
                .body("errors", nullValue());
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            long id = ids(st, "s.statement_key = 'qsi-waiting'").get(0);
            for (String text : List.of("canakkale kopru", "CANAKKALE qsiwatt", "qwland powered ferries")) {
                List<String> terms = QuoteSearch.terms(text);
                List<Long> byRare = ids(st, literals(QuoteSearch.h2Criterion(terms.size()), terms));
                assertTrue(byRare.contains(id), text + ": " + byRare);
                assertEquals(byRare, ids(st, literals(QuoteSearch.h2CommonCriterion(terms.size()), terms)), text);
            }
            List<String> missing = QuoteSearch.terms("canakkale bridge");
            assertEquals(List.of(), ids(st, literals(QuoteSearch.h2Criterion(missing.size()), missing)));
            assertEquals(List.of(), ids(st, literals(QuoteSearch.h2CommonCriterion(missing.size()), missing)));
        }
    }

    private static String literals(String criterion, List<String> terms) {
        for (int i = 0; i < terms.size(); i++) {
            criterion = criterion.replace(":term" + i, "'" + terms.get(i) + "'");
        }
        return criterion.replace(":words", "'" + String.join(" ", terms) + "'");
    }

    private static List<Long> ids(Statement st, String criterion) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT s.id FROM statement s WHERE " + criterion + " ORDER BY s.id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String explain(Statement st, String criterion) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN SELECT s.id FROM statement s WHERE " + criterion)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
