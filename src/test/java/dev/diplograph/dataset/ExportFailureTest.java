package dev.diplograph.dataset;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An export that fails after its first bytes went out must not look like a complete one: the
 * generator used to close every open array and object on the way out, so a failure produced a
 * well-formed, truncated document with status 200, indistinguishable from a good export.
 */
@QuarkusTest
class ExportFailureTest {

    /** Tries per HTTP version; {@code -Dexport-failure.attempts=600} makes a longer hunt for the race. */
    private static final int ATTEMPTS = Integer.getInteger("export-failure.attempts", 40);

    /**
     * Vert.x sends GOAWAY to a connection that sees 200 stream resets in 30 seconds (its guard
     * against rapid-reset floods), so a longer hunt spreads its tries over several clients.
     */
    private static final int RESETS_PER_CLIENT = 60;

    @Inject
    Database database;

    @TestHTTPResource("/api/datasets")
    URI export;

    @Test
    void aFailureMidStreamBreaksTheTransferInsteadOfEndingTheDocument() throws Exception {
        // Enough text that the export has sent bytes before it reaches the visits.
        DatasetResourceTest.importLongSectors("ef-sector", 4);
        // A row this version cannot read, as one written by a newer replica with a visit kind added
        // would be during a rolling upgrade.
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE visit DROP CONSTRAINT ck_visit_kind");
            try {
                GraphQL.asEditor("""
                        mutation { upsertVisit(input: {key: "ef-visit", leader: "lee-jae-myung", hostCountry: "TR",
                          startDate: "2031-05-01"}) { key } }""").body("errors", nullValue());
                sql.execute("UPDATE visit SET kind = 'ROYAL' WHERE visit_key = 'ef-visit'");

                // HTTP/1.1 breaks a transfer by closing the connection, HTTP/2 by resetting the stream.
                assertEveryExportBreaks(HttpClient.Version.HTTP_1_1);
                assertEveryExportBreaks(HttpClient.Version.HTTP_2);
            } finally {
                restore(sql);
            }
        }
    }

    /**
     * A deadline on each request, so a transfer that hangs fails here instead of waiting for good; a
     * timeout is an IOException too, so it is told apart from a broken transfer. Breaking the transfer
     * races with the framework ending the response, so one try is not enough. On HTTP/2 the failure
     * must be that stream's reset with INTERNAL_ERROR: a connection that went down instead would take
     * the client's other streams with it, and a reset with NO_ERROR says nothing went wrong.
     */
    private void assertEveryExportBreaks(HttpClient.Version version) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(export).timeout(Duration.ofSeconds(30)).build();
        HttpClient client = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt % RESETS_PER_CLIENT == 1) {
                client = client(version);
            }
            HttpClient sender = client;
            String which = version + ", attempt " + attempt;
            IOException broken = assertThrows(IOException.class,
                    () -> sender.send(request, HttpResponse.BodyHandlers.ofByteArray()),
                    which + ": the client must see an incomplete transfer, not a complete document");
            assertFalse(broken instanceof HttpTimeoutException, which + ": the transfer must break, not hang: " + broken);
            if (version == HttpClient.Version.HTTP_2) {
                assertTrue(String.valueOf(broken.getMessage()).contains("RST_STREAM: Internal error"),
                        which + ": the stream must be reset with INTERNAL_ERROR, and only the stream: " + broken);
            }
        }
    }

    /** A client that speaks the given version to the service (over HTTP/2, after an h2c upgrade). */
    private HttpClient client(HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Void> probe = client.send(HttpRequest.newBuilder(export.resolve("/q/health/live"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(version, probe.version(), "the client must speak " + version + " to the service");
        return client;
    }

    private static void restore(Statement sql) throws SQLException {
        sql.execute("UPDATE visit SET kind = NULL WHERE visit_key = 'ef-visit'");
        GraphQL.asEditor("mutation { deleteVisit(key: \"ef-visit\") { deleted } }").body("errors", nullValue());
        sql.execute("ALTER TABLE visit ADD CONSTRAINT ck_visit_kind "
                + "CHECK (kind IN ('STATE', 'OFFICIAL', 'WORKING', 'SUMMIT', 'PRIVATE', 'OTHER'))");
    }
}
