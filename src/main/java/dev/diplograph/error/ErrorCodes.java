package dev.diplograph.error;

/** The stable {@code extensions.code} values clients can switch on. */
public final class ErrorCodes {

    /** The request's arguments or variables are malformed or out of range. */
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    /** The document does not parse. */
    public static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    /** The document parses but does not validate against the schema. */
    public static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    /** Anything the server did not expect; details are logged, never returned. */
    public static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

    private ErrorCodes() {
    }
}
