package dev.diplograph.error;

import io.smallrye.graphql.api.ErrorCode;

/** Work the service has no room for now: a write that did not get its turn in time (H2), or an export beyond the limit; retry later. */
@ErrorCode(ErrorCodes.SERVICE_BUSY)
public class ServiceBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message) {
        super(message, null, false, false);
    }
}
