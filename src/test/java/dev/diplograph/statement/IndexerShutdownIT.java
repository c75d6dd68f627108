package dev.diplograph.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.support.GraphQL;
import dev.diplograph.support.PackagedService;

/**
 * A SIGTERM while H2's term indexer is busy must not damage the embedded database: the indexer ends
 * its chunk instead of being interrupted inside H2's file I/O, and the next start carries on.
 */
class IndexerShutdownIT {

    static final int STATEMENTS = 30_000;
    static final String SOURCE = "shutdown-wire";
    static final String PENDING = "diplograph_search_pending_statements";

    @TempDir
    Path dataDir;

    @Test
    void aStopWhileTheIndexerWorksLeavesTheDatabaseWhole() throws Exception {
        PackagedService.assumeEmbeddedDefault();
        Map<String, String> env = Map.of("DIPLOGRAPH_EDITOR_TOKEN", GraphQL.EDITOR_TOKEN, "QUARKUS_SHUTDOWN_DELAY", "0s");
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("first.log"), env)
                .asRestAssuredTarget()) {
            given().header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN).contentType("application/json")
                    .body(document()).when().post("/api/datasets").then().statusCode(200);
            double waiting = pending(service);
            assertTrue(waiting > STATEMENTS / 2, "the imported statements wait for the indexer: " + waiting);
            double left = waiting;
            for (int i = 0; i < 600 && left >= waiting; i++) { // until the indexer has committed a chunk
                Thread.sleep(50);
                left = pending(service);
            }
            assertTrue(left < waiting && left > 0, "stopped while the indexer was at work (" + left + " of " + waiting
                    + " left); a test that stops it before or after proves nothing");
            int exit = service.stop(Duration.ofSeconds(60));
            assertNotEquals(-1, exit, "still running a minute after SIGTERM:\n" + service.log());
            String log = service.log();
            assertFalse(log.contains("MVStoreException"), () -> "H2 failed during the stop:\n" + tail(log));
            assertFalse(log.contains("indexing failed"), () -> "the indexer failed during the stop:\n" + tail(log));
        }
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("second.log"), env)
                .asRestAssuredTarget()) {
            double left = pending(service);
            for (int i = 0; i < 1200 && left > 0; i++) {
                Thread.sleep(100);
                left = pending(service);
            }
            assertEquals(0, left, "the indexer finished the backlog after the restart");
            GraphQL.post("query($s: String) { quotes(filter: {source: $s, text: \"zebrafinch\"}) { totalCount } }",
                    Map.of("s", SOURCE))
                    .body("errors", nullValue())
                    .body("data.quotes.totalCount", equalTo(STATEMENTS));
            GraphQL.post("{ quotes(filter: {text: \"harbour17\"}) { totalCount } }")
                    .body("data.quotes.totalCount", equalTo(STATEMENTS / 500));
            assertFalse(service.log().contains("MVStoreException"), () -> tail(service.log()));
        }
    }

    /** One speaker, one source and {@value #STATEMENTS} statements of some twenty words each. */
    static String document() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 2);
        List<StatementRecord> statements = new ArrayList<>(STATEMENTS);
        for (int i = 0; i < STATEMENTS; i++) {
            statements.add(new StatementRecord("shutdown-" + i, "shutdown-speaker",
                    "Statement " + i + " on the pipeline, the grid and harbour" + (i % 500) + ": the zebrafinch"
                            + " delegation agreed to meet again in spring, said the minister of trade " + (i % 97) + ".",
                    StatementKind.PARAPHRASE, day, "en", SOURCE, null, List.of(), null));
        }
        DatasetDocument document = new DatasetDocument(DatasetDocument.FORMAT,
                List.of(new CountryRecord("QS", "Shutdownland", null)), List.of(),
                List.of(new LeaderRecord("shutdown-speaker", "Shutdown Speaker", null, "Minister", "QS", null)),
                List.of(new SourceRecord(SOURCE, "Shutdown Wire", null, null, day, "en")), List.of(), null, statements,
                null);
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(document);
    }

    /** The indexer's backlog; a scrape without a number (its count failed) is read again a few times. */
    private static double pending(PackagedService service) throws Exception {
        for (int attempt = 1;; attempt++) {
            OptionalDouble value = service.metric(PENDING);
            if (value.isPresent()) {
                return value.getAsDouble();
            }
            if (attempt == 5) {
                throw new AssertionError("no numeric " + PENDING + " in /q/metrics:\n" + tail(service.log()));
            }
            Thread.sleep(200);
        }
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
