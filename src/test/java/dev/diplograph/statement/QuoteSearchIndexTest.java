package dev.diplograph.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The quote text criterion is answered from an index on whichever database the suite runs against,
 * and the suite runs against the database it was asked to (-Dexpect.database).
 */
@QuarkusTest
class QuoteSearchIndexTest {

    @Inject
    Database database;

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
                plan = explain(st, QuoteSearch.H2_CRITERION.replace(":terms", "'sinop', 'nuclear'")
                        .replace(":termCount", "2").replace(":wordsPattern", "'sinop'"));
                // the term table's primary key (term, statement_id), looked up by term
                assertTrue(plan.matches("(?s).*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: TERM IN\\(.*"), plan);
            }
        }
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
