package dev.diplograph.live;

import dev.diplograph.error.ErrorCodes;
import io.smallrye.graphql.api.ErrorCode;

/** A subscription whose client fell too far behind; the WebSocket transport closes its connection. */
@ErrorCode(ErrorCodes.SLOW_CONSUMER)
public class SlowConsumerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SlowConsumerException(int buffer) {
        super("More than " + buffer + " events were waiting for this subscriber (diplograph.live.buffer-size)",
                null, false, false);
    }
}
