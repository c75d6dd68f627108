package dev.diplograph.dataset;

import static dev.diplograph.dataset.ExportDownload.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * An export's slot is free by the time its client has read the end, so that a client that downloads
 * again at once (a sync job, a retry after a broken transfer) is never refused by the export limit.
 */
@QuarkusTest
@TestProfile(ExportStallTest.Impatient.class)
class ExportSlotTest {

    /**
     * Downloads of the seed dataset, one after another. A small export ends right after its last
     * write, so a slot freed after the end races the next request: freed after the end, 6 in 500
     * rounds over HTTP/2 were refused here.
     */
    private static final int ROUNDS = 500;

    /** Over HTTP/1.1 the race was never lost in 500 rounds (the next request needs longer to arrive). */
    private static final int HTTP11_ROUNDS = 100;

    @TestHTTPResource("/")
    URI root;

    private Vertx vertx;

    @BeforeEach
    void client() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeClient() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aDownloadRightAfterAFinishedOneIsAnsweredOverHttp2() throws Exception {
        HttpClient client = ExportDownload.http2Client(vertx, root, new AtomicInteger(), new AtomicInteger());
        byte[] first = null;
        for (int round = 0; round < ROUNDS; round++) {
            ExportDownload download = ExportDownload.start(client); // fails on anything but 200
            download.response().resume();
            byte[] body = await(download.body());
            if (first == null) {
                first = body;
            }
            assertArrayEquals(first, body, "round " + round + ": every download must be whole");
        }
    }

    @Test
    void aDownloadRightAfterAFinishedOneIsAnsweredOverHttp11() {
        byte[] first = given().get("/api/datasets").then().statusCode(200).extract().asByteArray();
        for (int round = 1; round < HTTP11_ROUNDS; round++) {
            byte[] body = given().get("/api/datasets").then().statusCode(200).extract().asByteArray();
            assertArrayEquals(first, body, "round " + round + ": every download must be whole");
        }
    }
}
