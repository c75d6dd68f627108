package dev.diplograph.error;

import io.smallrye.graphql.api.ErrorCode;

/** A write did not get its turn in time (on H2 writes run one at a time); nothing was written, retry later. */
@ErrorCode(ErrorCodes.SERVICE_BUSY)
public class ServiceBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message) {
        super(message, null, false, false);
    }
}
