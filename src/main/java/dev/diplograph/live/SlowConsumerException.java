package dev.diplograph.live;

/** A subscription whose client fell too far behind; the WebSocket transport closes its connection. */
public class SlowConsumerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SlowConsumerException(int buffer) {
        super("More than " + buffer + " events were waiting for this subscriber (diplograph.live.buffer-size)",
                null, false, false);
    }
}
