package dev.diplograph.dataset;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.PackagedService;

/**
 * Exports that broke off, because they failed or because their client left, are finished requests:
 * a stopping service does not wait out quarkus.shutdown.timeout for them. A failed export once left
 * its request counted whenever the framework's end overtook the close of the connection.
 */
class ExportShutdownIT {

    private static final int TRIES = 10;

    @TempDir
    Path dir;

    @Test
    void brokenAndCancelledExportsDoNotHoldTheShutdownUp() throws Exception {
        PackagedService.assumeEmbeddedDefault();
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("DIPLOGRAPH_EDITOR_TOKEN", GraphQL.EDITOR_TOKEN, "QUARKUS_SHUTDOWN_DELAY", "0s");
        try (PackagedService service = PackagedService.start(data, dir.resolve("first.log"), env).asRestAssuredTarget()) {
            DatasetResourceTest.importLongSectors("es-sector", 20);
            GraphQL.asEditor("""
                    mutation { upsertVisit(input: {key: "es-visit", leader: "lee-jae-myung", hostCountry: "TR",
                      startDate: "2031-05-01"}) { key } }""").body("errors", nullValue());
        }
        // A visit this version cannot read, as a newer replica could have written it.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("diplograph"), "diplograph", "");
                Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE visit DROP CONSTRAINT ck_visit_kind");
            sql.execute("UPDATE visit SET kind = 'ROYAL' WHERE visit_key = 'es-visit'");
        }

        PackagedService service = PackagedService.start(data, dir.resolve("second.log"), env);
        try (service) {
            URI export = URI.create(service.url("/api/datasets"));
            HttpRequest request = HttpRequest.newBuilder(export).timeout(Duration.ofSeconds(30)).build();
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = 0; i < TRIES; i++) {
                    IOException broken = assertThrows(IOException.class,
                            () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()), version + ": a failed export");
                    assertFalse(broken instanceof HttpTimeoutException, version + ": the transfer must break, not hang");
                    // A client that reads the first bytes and leaves.
                    HttpResponse<InputStream> download = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = download.body()) {
                        assertTrue(body.readNBytes(1000).length == 1000, version + ": the first bytes of an export");
                    }
                }
            }
            service.assertStopsGracefully("an export that never ended");
        }
    }
}
