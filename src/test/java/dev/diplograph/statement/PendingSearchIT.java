package dev.diplograph.statement;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.PackagedService;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * On the embedded default, quotes the term indexer has not reached yet are found by their words as
 * the term index finds them later: the packaged service (JVM jar, or the native executable, where H2
 * reaches its SQL function by reflection) answers the same counts before and after indexing.
 */
class PendingSearchIT {

    static final String COUNT = "query($t: String) { quotes(filter: {text: $t}) { totalCount } }";
    static final List<String> SEARCHES = List.of("turkiye", "TÜRKIYE", "Türkiye nuclear", "sinop", "defense industry",
            "K-ETA", "Ankara", "nuclear windmill");

    /** The last /q/metrics body read, for the failure message. */
    private static String lastMetrics = "";

    @TempDir
    Path dataDir;

    @Test
    void quotesWaitingForTheIndexerAreFoundAsTheIndexFindsThem() throws Exception {
        PackagedService.assumeEmbeddedDefault();
        Map<String, Integer> waiting;
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("waiting.log"),
                Map.of("DIPLOGRAPH_SEARCH_INDEX_INTERVAL", "0")).asRestAssuredTarget()) {
            int quotes = GraphQL.post("{ quotes { totalCount } }").extract().path("data.quotes.totalCount");
            assertTrue(quotes > 10, "quotes: " + quotes);
            assertEquals(quotes, pending(service).orElseThrow(PendingSearchIT::noGauge),
                    "every quote of the seed waits for the indexer, which is off");
            waiting = counts();
        }
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("indexed.log"), Map.of())
                .asRestAssuredTarget()) {
            OptionalLong pending = pending(service);
            for (int i = 0; i < 300 && (pending.isEmpty() || pending.getAsLong() > 0); i++) {
                Thread.sleep(100);
                pending = pending(service);
            }
            assertEquals(0, pending.orElseThrow(PendingSearchIT::noGauge), "the indexer has caught up");
            assertEquals(waiting, counts());
        }
        assertTrue(waiting.get("turkiye") > 5, waiting.toString());
        assertEquals(waiting.get("turkiye"), waiting.get("TÜRKIYE"));
        assertEquals(0, waiting.get("nuclear windmill"));
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : SEARCHES) {
            counts.put(text, GraphQL.post(COUNT, Map.of("t", text)).body("errors", nullValue())
                    .extract().path("data.quotes.totalCount"));
        }
        return counts;
    }

    /**
     * The indexer's backlog gauge, read from the service's own URL; empty while it is absent or not a
     * number (its SQL count failed). A scrape without it is read again a few times, and each such
     * scrape is printed, so a flaky answer of /q/metrics shows in the build log instead of vanishing.
     */
    private static OptionalLong pending(PackagedService service) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            ExtractableResponse<Response> response = RestAssured.get(service.url("/q/metrics")).then().statusCode(200)
                    .extract();
            String body = response.asString();
            OptionalLong value = body.lines().filter(line -> line.startsWith("diplograph_search_pending_statements"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .filter(number -> !Double.isNaN(number)).mapToLong(number -> (long) number).findFirst();
            lastMetrics = "HTTP " + response.statusCode() + ", Content-Type " + response.contentType() + ", "
                    + body.length() + " characters; first lines:\n" + body.lines().limit(5).collect(Collectors.joining("\n"))
                    + "\ndiplograph lines:\n" + body.lines().filter(line -> line.contains("diplograph_"))
                            .collect(Collectors.joining("\n"))
                    + "\nservice log (end):\n" + tail(service.log());
            if (value.isPresent() || attempt == 5) {
                return value;
            }
            System.out.println("PendingSearchIT: scrape " + attempt + " of " + service.url("/q/metrics")
                    + " had no numeric backlog gauge: " + lastMetrics);
            Thread.sleep(200);
        }
    }

    private static String tail(String log) {
        return log.length() <= 3000 ? log : log.substring(log.length() - 3000);
    }

    private static AssertionError noGauge() {
        return new AssertionError("no numeric diplograph_search_pending_statements in /q/metrics: " + lastMetrics);
    }
}
