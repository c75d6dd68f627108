package dev.diplograph.dataset;

import static dev.diplograph.dataset.ExportDownload.CANCEL;
import static dev.diplograph.dataset.ExportDownload.await;
import static dev.diplograph.dataset.ExportDownload.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.StreamResetException;

/**
 * A client that stops reading an export does not keep its database connection and snapshot: after
 * the stall timeout the service breaks the transfer off. Exports beyond the configured number are
 * refused with 503 SERVICE_BUSY, so stalled or slow downloads cannot take the connection pool from
 * everything else.
 */
@QuarkusTest
@TestProfile(ExportStallTest.Impatient.class)
class ExportStallTest {

    /** A short stall timeout and one export at a time. */
    public static class Impatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("diplograph.datasets.export-stall-timeout", STALL_SECONDS + "s",
                    "diplograph.datasets.max-concurrent-exports", "1");
        }
    }

    static final int STALL_SECONDS = 3;

    /**
     * Sectors with 9,000-character descriptions: an export of about 7 MB, more than the kernel's
     * socket buffers (4 MiB at most here) and what the service hands to Vert.x (1 MiB) together, so
     * that a client that reads nothing stops the writer over HTTP/1.1 too. Imported in parts, each
     * under the test profile's body limit.
     */
    private static final List<String> PARTS = List.of("xs-a", "xs-b", "xs-c");
    private static final int SECTORS_PER_PART = 270;

    @TestHTTPResource("/")
    URI root;

    private Vertx vertx;

    @BeforeEach
    void largeExport() {
        for (String part : PARTS) {
            DatasetResourceTest.importLongSectors(part, SECTORS_PER_PART);
        }
        vertx = Vertx.vertx();
    }

    @AfterEach
    void removeIt() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        List<String> deletions = new ArrayList<>();
        for (String part : PARTS) {
            for (int i = 0; i < SECTORS_PER_PART; i++) {
                deletions.add("d" + deletions.size() + ": deleteSector(slug: \"" + part + "-" + i + "\") { deleted }");
            }
        }
        for (int from = 0; from < deletions.size(); from += 20) {
            String batch = String.join("\n", deletions.subList(from, Math.min(from + 20, deletions.size())));
            GraphQL.asEditor("mutation {\n" + batch + "\n}").body("errors", nullValue());
        }
    }

    @Test
    void aClientThatStopsReadingOverHttp2IsCutOffAndItsConnectionGoesOn() throws Exception {
        byte[] whole = given().get("/api/datasets").then().statusCode(200).extract().asByteArray();
        assertTrue(whole.length > 6_000_000, "the export must be larger than the socket buffers: " + whole.length);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        HttpClient client = ExportDownload.http2Client(vertx, root, opened, closed);

        ExportDownload stalled = ExportDownload.start(client);
        stalled.response(); // its first bytes arrived; it reads nothing more
        ExecutionException cut = assertThrows(ExecutionException.class, () -> await(stalled.body()),
                "a download that reads nothing must be broken off");
        StreamResetException reset = assertInstanceOf(StreamResetException.class, cut.getCause());
        assertEquals(CANCEL, reset.getCode(), "the service resets the stream with CANCEL");

        ExportDownload next = ExportDownload.start(client);
        next.response().resume();
        assertArrayEquals(whole, await(next.body()), "an export on the same connection afterwards must be whole");
        assertEquals(200, await(get(client, "/q/health/live")));
        assertEquals(1, opened.get(), "every request must have used the first connection");
        assertEquals(0, closed.get(), "the connection must stay open");
    }

    @Test
    void aClientThatStopsReadingOverHttp11IsCutOff() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 5_000);
            socket.getOutputStream().write(("GET /api/datasets HTTP/1.1\r\nHost: " + root.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status, "the export must have begun");

            awaitFreeSlot(); // the service gave up on this socket, which has read nothing since

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            boolean reset = false;
            try {
                in.transferTo(rest);
            } catch (SocketException e) {
                reset = true; // broken off as well
            }
            byte[] body = rest.toByteArray();
            String end = new String(body, Math.max(0, body.length - 5), Math.min(5, body.length), StandardCharsets.US_ASCII);
            assertTrue(reset || !end.equals("0\r\n\r\n"),
                    "a transfer broken off must not end like a whole chunked body (" + body.length + " bytes read)");
        }
    }

    @Test
    void exportsBeyondTheLimitAreRefusedWhileRevalidationsAreNot() throws Exception {
        HttpClient client = ExportDownload.http2Client(vertx, root, new AtomicInteger(), new AtomicInteger());
        String etag = given().head("/api/datasets").then().statusCode(200).extract().header("ETag");

        ExportDownload holding = ExportDownload.start(client);
        holding.response(); // holds the one slot, reading nothing

        given().get("/api/datasets").then().statusCode(503)
                .header("Retry-After", "5")
                .body("code", equalTo("SERVICE_BUSY"))
                .body("message", containsString("exports are streaming already"));
        given().head("/api/datasets").then().statusCode(200).header("ETag", etag);
        given().header("If-None-Match", etag).get("/api/datasets").then().statusCode(304);

        assertThrows(ExecutionException.class, () -> await(holding.body()), "the stalled download is broken off");
        awaitFreeSlot();
    }

    /** Waits until an export is answered again (its one slot is free), which the stall timeout must bring. */
    private static void awaitFreeSlot() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS + 20L);
        int status;
        do {
            status = given().get("/api/datasets").then().extract().statusCode();
            if (status == 200) {
                return;
            }
            assertEquals(503, status, "an export is answered, or refused while the slot is taken");
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        fail("the slot of a stalled export was not freed within " + (STALL_SECONDS + 20) + " s");
    }
}
