package dev.diplograph.pagination;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The totals that no index counts are kept until the next write: asked again, they are answered from
 * the cache (its counters in /q/metrics move), and after any write they are counted afresh and follow it.
 */
@QuarkusTest
class CountCacheTest {

    /** A kind and a start date: no index counts it (every statement is read). The date is this test's own. */
    static final String UNINDEXED = "{ quotes(filter: {kind: DIRECT, from: \"2031-03-01\"}) { totalCount } }";
    static final String QUOTE = "count-cache-quote";

    record Meters(double hits, double misses) {
    }

    static Meters meters() {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return new Meters(meter(scrape, "diplograph_count_cache_hits_total"),
                meter(scrape, "diplograph_count_cache_misses_total"));
    }

    static double meter(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " is not in /q/metrics"));
    }

    static int total(String query) {
        return GraphQL.post(query).body("errors", nullValue()).extract().path("data.quotes.totalCount");
    }

    /** Asks {@code query}'s total and checks how the cache answered it. */
    static int totalAnswered(String query, int hits, int misses) {
        Meters before = meters();
        int total = total(query);
        Meters after = meters();
        assertEquals(hits, after.hits() - before.hits(), "cache hits for " + query);
        assertEquals(misses, after.misses() - before.misses(), "cache misses for " + query);
        return total;
    }

    static void writeQuote(String saidOn) {
        GraphQL.asEditor("""
                mutation($saidOn: Date) { upsertStatement(input: {key: "%s", speaker: "lee-jae-myung", kind: DIRECT,
                  text: "Counted once, kept until the next write.", source: "aa-2025-11-23-lee-interview", saidOn: $saidOn})
                  { key } }""".formatted(QUOTE), Collections.singletonMap("saidOn", saidOn))
                .body("errors", nullValue()).body("data.upsertStatement.key", equalTo(QUOTE));
    }

    @Test
    void anUnindexedTotalIsCountedOnceUntilAWriteAndFollowsTheWrite() {
        total(UNINDEXED); // counted now, or kept from an earlier test
        int before = totalAnswered(UNINDEXED, 1, 0);
        assertEquals(before, totalAnswered(UNINDEXED, 1, 0), "asked again");

        try {
            writeQuote("2031-03-02");
            assertEquals(before + 1, totalAnswered(UNINDEXED, 0, 1), "after a write that adds to the list");
            assertEquals(before + 1, totalAnswered(UNINDEXED, 1, 0), "asked again after it");

            writeQuote("2031-02-27"); // the same quote moved out of the list's dates
            assertEquals(before, totalAnswered(UNINDEXED, 0, 1), "after a write that takes from the list");
        } finally {
            GraphQL.asEditor("mutation { deleteStatement(key: \"%s\") { deleted } }".formatted(QUOTE))
                    .body("errors", nullValue());
        }
        assertEquals(before, totalAnswered(UNINDEXED, 0, 1), "after the delete, a write that leaves the list alone");
    }

    @Test
    void eachFilterHasItsOwnTotal() {
        int direct = total("{ quotes(filter: {kind: DIRECT}) { totalCount } }");
        int paraphrases = total("{ quotes(filter: {kind: PARAPHRASE}) { totalCount } }");
        int all = total("{ quotes { totalCount } }");
        assertEquals(all, direct + paraphrases, "every statement is DIRECT or PARAPHRASE");
        assertTrue(direct > 0 && paraphrases > 0, "the seed has both kinds");
        assertEquals(direct, totalAnswered("{ quotes(filter: {kind: DIRECT}) { totalCount } }", 1, 0));
        assertEquals(paraphrases, totalAnswered("{ quotes(filter: {kind: PARAPHRASE}) { totalCount } }", 1, 0));
        assertEquals(all, totalAnswered("{ quotes { totalCount } }", 1, 0));
    }

    @Test
    void totalsCountedOnAnIndexAreNotKept() {
        String speaker = "{ quotes(filter: {speaker: \"lee-jae-myung\", kind: DIRECT}) { totalCount } }";
        String sector = "{ quotes(filter: {sector: \"defense-industry\"}) { totalCount } }";
        int first = totalAnswered(speaker, 0, 0);
        assertEquals(first, totalAnswered(speaker, 0, 0));
        assertTrue(totalAnswered(sector, 0, 0) > 0, "the seed quotes its sectors");
        // A sector with a further criterion joins the sector's statements: kept.
        String sectorAndKind = "{ quotes(filter: {sector: \"defense-industry\", kind: DIRECT}) { totalCount } }";
        int counted = total(sectorAndKind);
        assertEquals(counted, totalAnswered(sectorAndKind, 1, 0));
    }
}
