package dev.diplograph.error;

import io.smallrye.graphql.api.ErrorCode;

/** The operation conflicts with the stored data, e.g. deleting a record that others still use. */
@ErrorCode(ErrorCodes.CONFLICT)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
