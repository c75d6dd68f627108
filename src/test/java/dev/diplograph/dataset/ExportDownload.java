package dev.diplograph.dataset;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

/** An export download over HTTP/2 that stops reading (pauses) once its first bytes arrived; for the export tests. */
record ExportDownload(HttpClientRequest request, CompletableFuture<HttpClientResponse> firstBytes,
        CompletableFuture<byte[]> body) {

    /** RFC 9113, 7: the error code of a reset because the stream is no longer wanted. */
    static final long CANCEL = 0x8;

    /**
     * A client that sends every request over one HTTP/2 connection (prior knowledge), counting the
     * connections it opened and saw closed. Its connection window is larger than a stream's, so a
     * paused download holds back only its own stream.
     */
    static HttpClient http2Client(Vertx vertx, URI root, AtomicInteger opened, AtomicInteger closed) {
        return vertx.httpClientBuilder()
                .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false)
                        .setHttp2ConnectionWindowSize(4 * 1024 * 1024)
                        .setDefaultHost(root.getHost()).setDefaultPort(root.getPort()))
                .with(new PoolOptions().setHttp2MaxSize(1))
                .withConnectHandler(connection -> {
                    opened.incrementAndGet();
                    connection.closeHandler(ignored -> closed.incrementAndGet());
                })
                .build();
    }

    /** Starts an export download; it must answer 200 over HTTP/2. */
    static ExportDownload start(HttpClient client) throws Exception {
        HttpClientRequest request = await(client.request(HttpMethod.GET, "/api/datasets"));
        CompletableFuture<HttpClientResponse> firstBytes = new CompletableFuture<>();
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        // Listened to before the request goes out: a listener added to a response that has already
        // arrived runs in a later event-loop task, and the body's first frames would find no handler.
        request.response().onComplete(sent -> {
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
        request.end();
        return new ExportDownload(request, firstBytes, body);
    }

    /** The response, once its first bytes arrived (it is paused then). */
    HttpClientResponse response() throws Exception {
        return await(firstBytes);
    }

    /** The status of a GET of {@code path}, its body read. */
    static Future<Integer> get(HttpClient client, String path) {
        return client.request(HttpMethod.GET, path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    static <T> T await(Future<T> future) throws Exception {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
