package dev.diplograph.error;

/** The stable {@code extensions.code} values clients can switch on. */
public final class ErrorCodes {

    /** The request's arguments or variables are malformed or out of range. */
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    /** The document does not parse. */
    public static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    /** The document parses but does not validate against the schema. */
    public static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    /** No valid credentials came with a request that needs them. */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** The caller is known but lacks the role the operation needs. */
    public static final String FORBIDDEN = "FORBIDDEN";
    /** The operation conflicts with the data, e.g. deleting a record other records still use. */
    public static final String CONFLICT = "CONFLICT";
    /** The record to update or delete does not exist. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** A dataset breaks the schema or holds dangling references. */
    public static final String INVALID_DATASET = "INVALID_DATASET";
    /** A request body is not well-formed JSON or not UTF-8. */
    public static final String MALFORMED_BODY = "MALFORMED_BODY";
    /** A request body is larger than the configured maximum. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** Anything the server did not expect; details are logged, never returned. */
    public static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

    private ErrorCodes() {
    }

    /** The request is not a GraphQL-over-HTTP request (bad JSON, no query, wrong parameter types). */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    /** A JSON array of operations: this service does not execute batches. */
    public static final String BATCHING_NOT_SUPPORTED = "BATCHING_NOT_SUPPORTED";

    /** A POST without a JSON content type. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

    /** A mutation sent with GET, or a method the endpoint does not serve. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

    /** The Accept header allows none of the media types the endpoint answers with. */
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";

    /** The document has more tokens than the parser accepts. */
    public static final String TOO_MANY_TOKENS = "TOO_MANY_TOKENS";

    /** The operation nests fields deeper than allowed. */
    public static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";

    /** The operation selects more fields (fragments expanded) than allowed. */
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

    /** The operation uses more aliases than allowed. */
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";

    /** The operation has more root fields than allowed. */
    public static final String TOO_MANY_ROOT_FIELDS = "TOO_MANY_ROOT_FIELDS";

    /** The operation ran longer than the execution timeout and was stopped. */
    public static final String TIMEOUT = "TIMEOUT";

    /** An automatic persisted query hash this replica does not know: send the query with it. */
    public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    /** An automatic persisted query whose sha256Hash is not the hash of its query. */
    public static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";

    /** A subscriber fell too far behind; its WebSocket connection is closed with code 4413. */
    public static final String SLOW_CONSUMER = "SLOW_CONSUMER";

    /** A subscription sent over HTTP: subscriptions are served over WebSocket. */
    public static final String SUBSCRIPTION_NEEDS_WEBSOCKET = "SUBSCRIPTION_NEEDS_WEBSOCKET";

    /** A write waited longer than its turn allows (H2 runs one write at a time); nothing was written. */
    public static final String SERVICE_BUSY = "SERVICE_BUSY";

    /**
     * No database connection came free in time (every one busy) or the database is unreachable; nothing
     * was written, try again (REST: 503 with {@code Retry-After}).
     */
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

    /**
     * A subscription may have missed events (they could not be read from the database, the dispatcher
     * fell too far behind, or the cross-replica connection was lost); it ends, and the client should
     * re-query what it shows and subscribe again.
     */
    public static final String EVENTS_MISSED = "EVENTS_MISSED";
}
