package dev.diplograph.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.json.JsonObject;

/**
 * A GraphQL WebSocket test client on the JDK's WebSocket: sends protocol messages, queues what the
 * server sends, and can stop reading (to play a slow consumer) and resume.
 */
public final class GraphQLWs implements WebSocket.Listener, AutoCloseable {

    /** How the server closed the connection. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private GraphQLWs() {
    }

    /** Opens a connection to {@code http(s)://…/graphql} with one subprotocol. */
    public static GraphQLWs connect(URI graphql, String subprotocol) {
        GraphQLWs client = new GraphQLWs();
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(subprotocol)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, client).join();
        return client;
    }

    /** The subprotocol the server chose. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends one message. */
    public GraphQLWs send(JsonObject message) {
        socket.sendText(message.encode(), true).join();
        return this;
    }

    /** Sends raw text (for malformed messages). */
    public GraphQLWs sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** connection_init with an optional payload; waits for connection_ack. */
    public GraphQLWs init(JsonObject payload) {
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (payload != null) {
            init.put("payload", payload);
        }
        send(init);
        JsonObject ack = next(Duration.ofSeconds(10));
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("expected connection_ack, got " + ack);
        }
        return this;
    }

    /** The next message, or null when none came within the timeout. */
    public JsonObject next(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next message that is not a keep-alive ("ka"), or null. */
    public JsonObject nextSkippingKeepAlive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (message == null || !"ka".equals(message.getString("type"))) {
                return message;
            }
        }
    }

    /** How the server closed the connection, waiting up to the timeout (null if it stayed open). */
    public Close awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops reading from the socket: the server's messages pile up in the TCP buffers. */
    public void pause() {
        reading.set(false);
    }

    /** Reads again. */
    public void resume() {
        if (!reading.getAndSet(true)) {
            socket.request(1);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        if (reading.get()) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Close(1006, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }
}
