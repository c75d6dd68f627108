package dev.diplograph.graph;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Proves the relations of grouped rows (a leader's visits: host country and areas; their areas:
 * sector and quotes; those quotes: source and speaker) are answered from their siblings, not by
 * SmallRye's batched methods, and that rows without siblings still go through those methods. Which
 * path ran is read from SmallRye's per-method timers.
 */
@QuarkusTest
class DirectFetchersTest {

    static final String TRAVERSAL = """
            { leader(slug: "%s") { visits(first: 3) { hostCountry { code } sectors { status sector { slug }
                quotes(first: 2) { text source { outlet } speaker { slug } } } } } }""".formatted(TestFixtures.LEADER);
    static final String PAGE = """
            { quotes(first: 3) { edges { node { source { outlet } speaker { slug } } } } }""";
    static final String VISIT_PAGE = """
            { visits(first: 2) { edges { node { hostCountry { code } sectors { sector { slug } } } } } }""";

    /** Calls of the batched {@code @Source} method for {@code field} so far (SmallRye's timer, 0 if never called). */
    static long batchedCalls(String field) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "mp_graphql_seconds_count{";
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix) && line.contains("name=\"" + field + "\"") && line.contains("source=\"true\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return 0;
    }

    @Test
    void groupedQuotesAndAreasAreAnsweredFromTheirSiblings() {
        long sources = batchedCalls("source");
        long speakers = batchedCalls("speaker");
        long sectors = batchedCalls("sector");
        long hosts = batchedCalls("hostCountry");
        long areas = batchedCalls("sectors");
        long quotes = batchedCalls("quotes");
        GraphQL.post(TRAVERSAL)
                .body("errors", nullValue())
                .body("data.leader.visits", hasSize(3))
                .body("data.leader.visits.sectors.flatten()", hasSize(3 * TestFixtures.AREAS))
                .body("data.leader.visits.sectors.flatten().sector.slug", everyItem(startsWith("fixture-sector-")))
                .body("data.leader.visits.sectors.flatten().quotes.flatten()", hasSize(3 * TestFixtures.AREAS * 2))
                .body("data.leader.visits.sectors.flatten().quotes.flatten().source.outlet", everyItem(is("Fixture Wire")))
                .body("data.leader.visits.sectors.flatten().quotes.flatten().speaker.slug", everyItem(is(TestFixtures.LEADER)))
                .body("data.leader.visits.sectors.flatten().quotes.flatten().text", everyItem(startsWith("Fixture quote ")))
                .body("data.leader.visits.hostCountry.code", everyItem(is(TestFixtures.HOST)));
        assertEquals(hosts, batchedCalls("hostCountry"), "a grouped visit's host country must not go through the batched method");
        assertEquals(areas, batchedCalls("sectors"), "a grouped visit's areas must not go through the batched method");
        assertEquals(quotes, batchedCalls("quotes"), "a grouped area's quotes must not go through the batched method");
        assertEquals(sources, batchedCalls("source"), "a grouped quote's source must not go through the batched method");
        assertEquals(speakers, batchedCalls("speaker"), "a grouped quote's speaker must not go through the batched method");
        assertEquals(sectors, batchedCalls("sector"), "a grouped area's sector must not go through the batched method");
    }

    @Test
    void ungroupedQuotesStillUseTheBatchedMethods() {
        long sources = batchedCalls("source");
        long speakers = batchedCalls("speaker");
        GraphQL.post(PAGE)
                .body("errors", nullValue())
                .body("data.quotes.edges", hasSize(3))
                .body("data.quotes.edges.node.source.outlet", everyItem(notNullValue()));
        assertTrue(batchedCalls("source") > sources, "a page of quotes resolves sources through the batched method");
        assertTrue(batchedCalls("speaker") > speakers, "a page of quotes resolves speakers through the batched method");
    }

    @Test
    void ungroupedVisitsStillUseTheBatchedMethods() {
        long hosts = batchedCalls("hostCountry");
        long areas = batchedCalls("sectors");
        GraphQL.post(VISIT_PAGE)
                .body("errors", nullValue())
                .body("data.visits.edges", hasSize(2))
                .body("data.visits.edges.node.hostCountry.code", everyItem(notNullValue()));
        assertTrue(batchedCalls("hostCountry") > hosts, "a page of visits resolves host countries through the batched method");
        assertTrue(batchedCalls("sectors") > areas, "a page of visits resolves areas through the batched method");
    }
}
