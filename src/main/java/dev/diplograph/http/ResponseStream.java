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
import io.vertx.core.net.impl.ConnectionBase;

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

    /** RFC 9113, 7: the error code of a stream reset because it is no longer wanted (here: by the server). */
    private static final long HTTP2_CANCEL = 0x8;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Object drained = new Object();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final long stallNanos;
    /** When a write last completed (or the stream began): the client's last sign that it reads. */
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private volatile Throwable failure;
    private Buffer pending = Buffer.buffer(CHUNK);
    /** Bytes handed to Vert.x whose write has not completed; guarded by {@code drained}. */
    private int inFlight;
    private boolean ended;

    /**
     * Takes over the response's drain, close and exception handlers. The framework's exception
     * handler closes the connection (on HTTP/2, every stream of it) when one stream fails. A client
     * that accepts no bytes for {@code stallTimeout} while the writer waits for it counts as
     * {@link #stalled()}: the write throws, so that whatever the writer holds is freed.
     */
    public ResponseStream(HttpServerRequest request, Duration stallTimeout) {
        this.request = request;
        this.response = request.response();
        this.stallNanos = stallTimeout.toNanos();
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

    /** Whether a write gave up because the client, still connected, accepted nothing for the stall timeout. */
    public boolean stalled() {
        return stalled;
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
        // INTERNAL_ERROR: a reset with NO_ERROR, Vert.x's default, tells the client nothing went wrong.
        cut(HTTP2_INTERNAL_ERROR, false);
    }

    /**
     * After {@link #stalled()}: breaks the transfer off as {@link #breakOff()} does, the stream reset
     * with CANCEL (the server no longer wants it), then ends the response as {@link #abandon()} does,
     * because no failure follows for the framework to answer.
     */
    public void giveUp() {
        cut(HTTP2_CANCEL, true);
        abandon();
    }

    /**
     * Resets the stream (HTTP/2) or closes the connection (HTTP/1.1), then waits to hear it. Vert.x
     * closes an HTTP/1.1 connection only once its queued bytes are written, which a client that reads
     * nothing never lets happen; {@code now} closes it at once instead, queued bytes dropped.
     */
    private void cut(long http2ErrorCode, boolean now) {
        if (response.closed()) {
            return; // the client went away first
        }
        if (request.version() == HttpVersion.HTTP_2) {
            response.reset(http2ErrorCode);
        } else if (now && request.connection() instanceof ConnectionBase connection) {
            // From Vert.x's own handler on, as its idle timeout does: the channel's close() would reach
            // that handler, which closes only after a flush.
            connection.channelHandlerContext().close();
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
                if (result.succeeded()) {
                    lastProgress = System.nanoTime();
                }
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

    /**
     * Waits while the client reads more slowly than this writes, so that at most a bounded amount is
     * held; gives up once the client has accepted nothing for the stall timeout.
     */
    private void awaitWritable() throws IOException {
        checkClient();
        if (Context.isOnEventLoopThread()) {
            return; // never block an event loop
        }
        long poll = Math.max(1, Math.min(DRAIN_POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(stallNanos)));
        long waitingSince = System.nanoTime(); // time spent reading the database before is not the client's
        synchronized (drained) {
            while (response.writeQueueFull() || inFlight >= MAX_IN_FLIGHT) {
                try {
                    drained.wait(poll);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while the client was reading");
                }
                checkClient();
                long now = System.nanoTime();
                if (now - lastProgress > stallNanos && now - waitingSince > stallNanos) {
                    stalled = true;
                    throw new IOException("The client accepted no bytes for " + Duration.ofNanos(stallNanos));
                }
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
