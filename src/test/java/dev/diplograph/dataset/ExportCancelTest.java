package dev.diplograph.dataset;

import static dev.diplograph.dataset.ExportDownload.CANCEL;
import static dev.diplograph.dataset.ExportDownload.await;
import static dev.diplograph.dataset.ExportDownload.get;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * A client that cancels an export download over HTTP/2 loses that download only: the connection and
 * the client's other requests on it go on. The framework's stream closed the whole connection when
 * the client reset one stream, and its writes without a result handler did the same when they met
 * the reset stream.
 */
@QuarkusTest
class ExportCancelTest {

    /** Cancels per run; {@code -Dexport-cancel.rounds=200} makes a longer hunt. */
    private static final int ROUNDS = Integer.getInteger("export-cancel.rounds", 10);

    /** Sectors with long descriptions: an export of about 550 KB, far more than a stream's flow-control window. */
    private static final int SECTORS = 60;

    @TestHTTPResource("/")
    URI root;

    private Vertx vertx;

    @BeforeEach
    void largeExport() {
        DatasetResourceTest.importLongSectors("ec-sector", SECTORS);
        vertx = Vertx.vertx();
    }

    @AfterEach
    void removeIt() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (int i = 0; i < SECTORS; i++) {
            GraphQL.asEditor("mutation { deleteSector(slug: \"ec-sector-" + i + "\") { deleted } }").body("errors", nullValue());
        }
    }

    @Test
    void cancellingAnExportOverHttp2LeavesTheConnectionAndItsOtherRequestsWorking() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        HttpClient client = ExportDownload.http2Client(vertx, root, opened, closed);
        ExportDownload first = ExportDownload.start(client);
        first.response().resume();
        byte[] whole = await(first.body());
        assertTrue(whole.length > 500_000, "the export must be far larger than a stream's window: " + whole.length);

        for (int round = 1; round <= ROUNDS; round++) {
            String which = "round " + round;
            // Both downloads stop reading after their first bytes, so the service waits to send more of each.
            ExportDownload cancelled = ExportDownload.start(client);
            ExportDownload beside = ExportDownload.start(client);
            await(cancelled.firstBytes());
            await(beside.firstBytes());
            assertTrue(cancelled.request().reset(CANCEL), which + ": the client must be able to cancel");

            assertEquals(200, await(get(client, "/q/health/live")), which + ": a request sent after the cancel");
            beside.response().resume();
            assertArrayEquals(whole, await(beside.body()), which + ": the download beside the cancelled one must be whole");
            assertEquals(200, await(get(client, "/q/health/live")), which + ": a request sent after both");
            assertEquals(1, opened.get(), which + ": every request must have used the first connection");
            assertEquals(0, closed.get(), which + ": the connection must stay open");
        }
    }
}
