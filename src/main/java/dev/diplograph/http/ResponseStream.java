package dev.diplograph.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** A response body written to Vert.x with a handler on every write: a client that leaves stops the writer, not the connection. */
public final class ResponseStream extends OutputStream {

    // The framework's own stream writes without a handler; over HTTP/2 such a write that meets a
    // stream the client reset fails on the connection, and Vert.x closes it with every other stream.

    private static final Logger LOG = Logger.getLogger(ResponseStream.class);

    /** Bytes gathered before a write: one HTTP/2 DATA frame of the default maximum size. */
    static final int CHUNK = 16 * 1024;

    /**
     * At most this many bytes are handed to Vert.x and not yet written out. Vert.x reports a full write
     * queue only once its event loop has taken the writes in, so a fast writer could get far ahead of it.
     */
    static final int MAX_IN_FLIGHT = 64 * CHUNK;

    /** How often a writer that waits for the client to read checks that the client is still there. */
    private static final long DRAIN_POLL_MILLIS = 1000;

    /** How long {@link #breakOff()} waits to hear the transfer broken off (over HTTP/1.1 queued bytes go out first). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** RFC 9113, 7: the error code of a stream reset for a failure on the server. */
    private static final long HTTP2_INTERNAL_ERROR = 0x2;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Object drained = new Object();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Throwable failure;
    private Buffer pending = Buffer.buffer(CHUNK);
    /** Bytes handed to Vert.x whose write has not completed; guarded by {@code drained}. */
    private int inFlight;
    private boolean ended;

    /**
     * Takes over the response's drain, close and exception handlers. The framework's exception
     * handler closes the connection (on HTTP/2, every stream of it) when one stream fails.
     */
    public ResponseStream(HttpServerRequest request) {
        this.request = request;
        this.response = request.response();
        response.drainHandler(ignored -> wake());
        response.closeHandler(ignored -> {
            closed.complete(null);
            wake();
        });
        response.exceptionHandler(this::failed);
        if (!response.headWritten()) {
            response.setChunked(true); // HTTP/1.1 needs it for a body of unknown length; HTTP/2 ignores it
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (ended) {
            throw new IOException("The response has ended");
        }
        int from = offset;
        int left = length;
        while (left > 0) {
            int room = CHUNK - pending.length();
            int take = Math.min(room, left);
            pending.appendBytes(bytes, from, take);
            from += take;
            left -= take;
            if (pending.length() == CHUNK) {
                send();
            }
        }
    }

    /**
     * Does nothing: bytes go out a chunk at a time, and the rest with {@link #close()}. Jackson flushes
     * after every value it writes (every record of an export), and a write per record would cost a
     * frame and a result handler each.
     */
    @Override
    public void flush() {
    }

    /** Sends what is left and ends the response: the body is complete. Only the first call does anything. */
    @Override
    public void close() throws IOException {
        if (ended) {
            return;
        }
        if (pending.length() > 0) {
            send();
        }
        ended = true;
        try {
            response.end(this::written);
        } catch (IllegalStateException e) {
            throw new IOException("The response could not be ended", e);
        }
    }

    /** Whether the client reset the stream or closed the connection, or a write failed. */
    public boolean clientGone() {
        return failure != null || response.closed();
    }

    /**
     * After the client went away: ends the response, with a handler that hears it fail, so that the
     * framework's own end, which comes next and has no handler, finds it ended and writes nothing.
     */
    public void abandon() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            response.end(this::written);
        } catch (IllegalStateException e) {
            LOG.debugf("An abandoned response had already ended: %s", e.getMessage());
        }
    }

    /**
     * Ends a transfer that started so that the client cannot take it for a whole body: on HTTP/2 by
     * resetting the stream with INTERNAL_ERROR, on HTTP/1.1 by closing the connection. Both happen on
     * the event loop, while the caller's exception makes the framework end the response at once. An
     * end that overtakes the close on HTTP/1.1 sends the last chunk of a well-formed, short body, and
     * keeps the close from being reported (a graceful shutdown then waits for the request); one that
     * overtakes the reset on HTTP/2 writes to a closed stream, and Vert.x closes the whole connection.
     * So this thread waits, within a bound, until Vert.x reports the response closed.
     */
    public void breakOff() {
        ended = true;
        if (response.closed()) {
            return; // the client went away first
        }
        if (request.version() == HttpVersion.HTTP_2) {
            // INTERNAL_ERROR: a reset with NO_ERROR, Vert.x's default, tells the client nothing went wrong.
            response.reset(HTTP2_INTERNAL_ERROR);
        } else {
            request.connection().close();
        }
        if (Context.isOnEventLoopThread()) {
            return; // never block an event loop; the close is reported on it, after this returns
        }
        try {
            closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("A broken response was not reported closed within %s: %s", CLOSE_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() throws IOException {
        awaitWritable();
        Buffer chunk = pending;
        pending = Buffer.buffer(CHUNK);
        int size = chunk.length();
        synchronized (drained) {
            inFlight += size;
        }
        try {
            response.write(chunk, result -> {
                synchronized (drained) {
                    inFlight -= size;
                    drained.notifyAll();
                }
                written(result);
            });
        } catch (IllegalStateException e) {
            synchronized (drained) {
                inFlight -= size;
            }
            throw new IOException("The response cannot take more of its body", e);
        }
    }

    /** Waits while the client reads more slowly than this writes, so that at most a bounded amount is held. */
    private void awaitWritable() throws IOException {
        checkClient();
        if (Context.isOnEventLoopThread()) {
            return; // never block an event loop
        }
        synchronized (drained) {
            while (response.writeQueueFull() || inFlight >= MAX_IN_FLIGHT) {
                try {
                    drained.wait(DRAIN_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while the client was reading");
                }
                checkClient();
            }
        }
    }

    private void checkClient() throws IOException {
        Throwable cause = failure;
        if (cause != null) {
            throw new IOException("The client went away: " + cause, cause);
        }
        if (response.closed()) {
            throw new IOException("The client went away: the connection or stream is closed");
        }
    }

    private void written(AsyncResult<Void> result) {
        if (result.failed()) {
            failed(result.cause());
        }
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        wake();
    }

    private void wake() {
        synchronized (drained) {
            drained.notifyAll();
        }
    }
}
