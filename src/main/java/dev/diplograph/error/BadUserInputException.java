package dev.diplograph.error;

import io.smallrye.graphql.api.ErrorCode;

/** Signals input the client must fix; its message is shown to the client with code BAD_USER_INPUT. */
@ErrorCode(ErrorCodes.BAD_USER_INPUT)
public class BadUserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadUserInputException(String message) {
        super(message, null, false, false);
    }
}
