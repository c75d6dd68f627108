package dev.diplograph.dataset;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.ArrayList;
import java.util.List;

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

    @Inject
    Database database;

    @TestHTTPResource("/api/datasets")
    URI export;

    @Test
    void aFailureMidStreamBreaksTheTransferInsteadOfEndingTheDocument() throws Exception {
        // Enough text that the export has sent bytes before it reaches the visits.
        List<String> sectors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sectors.add("{\"slug\": \"ef-sector-" + i + "\", \"name\": \"Export " + i + "\", \"description\": \""
                    + "A long description. ".repeat(450) + "\"}");
        }
        DatasetResourceTest.post("{\"format\": \"visits-dataset/1\", \"sectors\": [" + String.join(", ", sectors) + "]}")
                .statusCode(200);
        // A row this version cannot read, as one written by a newer replica with a visit kind added
        // would be during a rolling upgrade.
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE visit DROP CONSTRAINT ck_visit_kind");
            try {
                GraphQL.asEditor("""
                        mutation { upsertVisit(input: {key: "ef-visit", leader: "lee-jae-myung", hostCountry: "TR",
                          startDate: "2031-05-01"}) { key } }""").body("errors", nullValue());
                sql.execute("UPDATE visit SET kind = 'ROYAL' WHERE visit_key = 'ef-visit'");

                // HTTP/1.1 and a deadline, so a transfer that hangs fails here instead of waiting for good;
                // a timeout is an IOException too, so it is told apart from the broken transfer below.
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest request = HttpRequest.newBuilder(export).timeout(Duration.ofSeconds(30)).build();
                IOException broken = assertThrows(IOException.class,
                        () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()),
                        "the client must see an incomplete transfer, not a complete document");
                assertFalse(broken instanceof HttpTimeoutException, "the transfer must break, not hang: " + broken);
            } finally {
                restore(sql);
            }
        }
    }

    private static void restore(Statement sql) throws SQLException {
        sql.execute("UPDATE visit SET kind = NULL WHERE visit_key = 'ef-visit'");
        GraphQL.asEditor("mutation { deleteVisit(key: \"ef-visit\") { deleted } }").body("errors", nullValue());
        sql.execute("ALTER TABLE visit ADD CONSTRAINT ck_visit_kind "
                + "CHECK (kind IN ('STATE', 'OFFICIAL', 'WORKING', 'SUMMIT', 'PRIVATE', 'OTHER'))");
    }
}
