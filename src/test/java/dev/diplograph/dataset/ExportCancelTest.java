package dev.diplograph.dataset;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

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

    /** RFC 9113, 7: the error code a client sends when it no longer wants a stream. */
    private static final long CANCEL = 0x8;

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
        HttpClient client = vertx.httpClientBuilder()
                // A connection window larger than a stream's, so a paused download holds back only its own stream.
                .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false)
                        .setHttp2ConnectionWindowSize(4 * 1024 * 1024)
                        .setDefaultHost(root.getHost()).setDefaultPort(root.getPort()))
                .with(new PoolOptions().setHttp2MaxSize(1))
                .withConnectHandler(connection -> {
                    opened.incrementAndGet();
                    connection.closeHandler(ignored -> closed.incrementAndGet());
                })
                .build();
        Download first = Download.start(client);
        first.response().resume();
        byte[] whole = await(first.body());
        assertTrue(whole.length > 500_000, "the export must be far larger than a stream's window: " + whole.length);

        for (int round = 1; round <= ROUNDS; round++) {
            String which = "round " + round;
            // Both downloads stop reading after their first bytes, so the service waits to send more of each.
            Download cancelled = Download.start(client);
            Download beside = Download.start(client);
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

    private static Future<Integer> get(HttpClient client, String path) {
        return client.request(HttpMethod.GET, path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** An export download that stops reading (pauses) once its first bytes arrived. */
    private record Download(HttpClientRequest request, CompletableFuture<HttpClientResponse> firstBytes,
            CompletableFuture<byte[]> body) {

        HttpClientResponse response() throws Exception {
            return await(firstBytes);
        }

        static Download start(HttpClient client) throws Exception {
            HttpClientRequest request = await(client.request(HttpMethod.GET, "/api/datasets"));
            CompletableFuture<HttpClientResponse> firstBytes = new CompletableFuture<>();
            CompletableFuture<byte[]> body = new CompletableFuture<>();
            request.send().onComplete(sent -> {
                if (sent.failed()) {
                    firstBytes.completeExceptionally(sent.cause());
                    body.completeExceptionally(sent.cause());
                    return;
                }
                HttpClientResponse response = sent.result();
                if (response.statusCode() != 200 || response.version() != HttpVersion.HTTP_2) {
                    AssertionError wrong = new AssertionError("an export over HTTP/2 must answer 200, not "
                            + response.statusCode() + " over " + response.version());
                    firstBytes.completeExceptionally(wrong);
                    body.completeExceptionally(wrong);
                    return;
                }
                Buffer received = Buffer.buffer();
                response.exceptionHandler(body::completeExceptionally);
                response.handler(chunk -> {
                    received.appendBuffer(chunk);
                    if (!firstBytes.isDone()) {
                        response.pause();
                        firstBytes.complete(response);
                    }
                });
                response.endHandler(ignored -> body.complete(received.getBytes()));
            });
            return new Download(request, firstBytes, body);
        }
    }
}
