package dev.diplograph.error;

import io.smallrye.graphql.api.ErrorCode;

/** Signals input the client must fix; its message is shown to the client with code BAD_USER_INPUT. */
@ErrorCode(ErrorCodes.BAD_USER_INPUT)
public class BadUserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadUserInputException(String message) {
        this(message, null);
    }

    /** An error about one input field, given as a path such as {@code input.key}. */
    public BadUserInputException(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The input field the error is about, or null. */
    public String field() {
        return field;
    }
}
