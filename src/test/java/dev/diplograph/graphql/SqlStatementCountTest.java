package dev.diplograph.graphql;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Proves there is no N+1: the number of SQL statements of a request depends on the depth of the
 * query, not on how many parents each level has. Counted with Hibernate statistics.
 */
@QuarkusTest
class SqlStatementCountTest {

    /**
     * Seven relations below the root: visits (1: window and load in one), host country (1), areas
     * (1), sector (1), quotes (1: window and load in one), source (1), speaker (1), plus the root
     * look-up (1).
     */
    static final String DEEP = """
            { leader(slug: "%s") { name visits(first: %d) { key hostCountry { code }
                sectors { status sector { slug } quotes(first: 5) { text source { outlet } speaker { slug } } } } } }""";
    static final long BOUND = 8;

    @Inject
    Database database;

    long statementsFor(int visits) {
        Statistics statistics = database.sessionFactory().getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "hibernate statistics must be on in the test profile");
        statistics.clear();
        GraphQL.post(DEEP.formatted(TestFixtures.LEADER, visits))
                .body("errors", nullValue())
                .body("data.leader.visits", hasSize(visits))
                .body("data.leader.visits[0].sectors", hasSize(TestFixtures.AREAS))
                .body("data.leader.visits[0].sectors[0].quotes", hasSize(TestFixtures.QUOTES_PER_AREA));
        return statistics.getPrepareStatementCount();
    }

    /** The statements one request prepares; it must answer without errors, with {@code size} items at {@code list}. */
    long statementsOf(String query, String list, int size) {
        Statistics statistics = database.sessionFactory().getStatistics();
        statistics.clear();
        GraphQL.post(query).body("errors", nullValue()).body(list, hasSize(size));
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aProjectsQuotesCostTwoStatementsForAllProjectsOfALevel() {
        // The seed's relation KR–TR has three projects; their quotes are one windowed link query and one load.
        long without = statementsOf("{ relation(a: \"KR\", b: \"TR\") { projects { key } } }", "data.relation.projects", 3);
        long with = statementsOf("{ relation(a: \"KR\", b: \"TR\") { projects { key quotes { key } } } }",
                "data.relation.projects", 3);
        assertEquals(without + 2, with, "statements for the quotes of three projects");
    }

    @Test
    void theQuotesOfTheSourcesOfAHundredStatementsCostTwoStatements() {
        long without = statementsOf("{ quotes(first: 100) { edges { node { source { key } } } } }", "data.quotes.edges", 100);
        long with = statementsOf("{ quotes(first: 100) { edges { node { source { key quotes(first: 1) { key } } } } } }",
                "data.quotes.edges", 100);
        assertEquals(without + 2, with, "statements for the quotes of 100 statements' sources");
    }

    @Test
    void eachArgumentSetOfABatchedFieldCostsOneBatch() {
        String page = "{ quotes(first: 100) { edges { node { source { key %s } } } } }";
        long without = statementsOf(page.formatted(""), "data.quotes.edges", 100);
        long sameTwice = statementsOf(page.formatted("a: quotes(first: 1) { key } b: quotes(first: 1) { text }"),
                "data.quotes.edges", 100);
        long twoSets = statementsOf(page.formatted("a: quotes(first: 1) { key } b: quotes(first: 2) { key }"),
                "data.quotes.edges", 100);
        assertEquals(without + 2, sameTwice, "statements for one argument set under two aliases");
        assertEquals(without + 4, twoSets, "statements for two argument sets");
    }

    @Test
    void statementCountDoesNotGrowWithTheNumberOfParents() {
        long one = statementsFor(1);
        long all = statementsFor(TestFixtures.VISITS);
        assertEquals(one, all, "1 visit took " + one + " statements, " + TestFixtures.VISITS + " visits took " + all);
        assertTrue(all <= BOUND, TestFixtures.VISITS + " visits × " + TestFixtures.AREAS + " areas × "
                + TestFixtures.QUOTES_PER_AREA + " quotes took " + all + " statements, bound is " + BOUND);
    }
}
