package dev.diplograph.graphql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import dev.diplograph.config.Build;
import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ErrorCodes;
import dev.diplograph.error.JsonParserLimits;
import dev.diplograph.http.ContentCodings;
import dev.diplograph.http.EntityTags;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.Database;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Checks every request to {@code /graphql} before SmallRye GraphQL executes it, the way the
 * GraphQL-over-HTTP specification wants and within the service's abuse limits: method, media
 * types, parameters, a token-limited parse, validation and the operation's size. Each refusal is a
 * GraphQL error with a stable {@code extensions.code} and the status code the specification asks for.
 */
@ApplicationScoped
public class GraphQLHttpGate {

    /** The GraphQL-over-HTTP response media type. */
    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";

    /** RoutingContext key of the time the gate started on the request (for Server-Timing). */
    private static final String STARTED = "diplograph.gate-started";

    /** RoutingContext key of the request's {@link AcceptWeights} (read once per request). */
    private static final String ANSWER_TYPE = "diplograph.accept-weights";

    /** The GraphQL-over-HTTP parameters a GET request carries in its query string. */
    private static final List<String> GET_PARAMETERS = List.of("query", "operationName", "variables", "extensions");

    /** RoutingContext key of the {@link CacheCandidate} of a GET query. */
    static final String CACHE_CANDIDATE = "diplograph.cache-candidate";
    /** RoutingContext key set by {@link RequestGuard} when the response may be cached. */
    static final String CACHEABLE = "diplograph.cacheable";
    /**
     * RoutingContext key set by {@link RequestGuard} when the answer has no {@code data}: a request error
     * found while the request ran (variables that do not fit their types, introspection over graphql-java's
     * limits), which the specification wants answered 4xx under the GraphQL response type, as the gate's own.
     */
    static final String REQUEST_ERROR = "diplograph.request-error";

    /** A GET query's ETag, and the data version it was computed for. */
    record CacheCandidate(String etag, long version) {
    }

    private final DiplographConfig.GraphQL limits;
    private final DocumentCheck documents;
    private final PersistedQueries persisted;
    private final DataVersion dataVersion;
    /** Whether only this process writes the database (the embedded H2 file), so commits can be seen locally. */
    private final boolean localCommits;

    public GraphQLHttpGate(DiplographConfig config, DocumentCheck documents, PersistedQueries persisted,
            DataVersion dataVersion, MeterRegistry metrics, Database database) {
        this.limits = config.graphql();
        this.localCommits = database.kind() == Database.Kind.H2 && limits.consistentReadLocalSequence();
        ConsistentReads.registerMeters(metrics);
        this.documents = documents;
        this.persisted = persisted;
        this.dataVersion = dataVersion;
    }

    void register(@Observes Router router) {
        long maxBody = limits.maxBodySize().asLongValue();
        // HEAD is GET without the body (RFC 9110 §9.3.2): the request is routed again as a GET, with every
        // check below, and Vert.x leaves the body out because the connection's request is still a HEAD.
        router.route(HttpMethod.HEAD, "/graphql").order(Integer.MIN_VALUE)
                .handler(context -> context.reroute(HttpMethod.GET, context.request().uri()));
        router.route("/graphql").order(Integer.MIN_VALUE + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .failureHandler(this::bodyFailure);
        // Off the event loop: parsing and validating a large document, and the data version look-up.
        router.route("/graphql").order(Integer.MIN_VALUE + 2).blockingHandler(this::check, false);
    }

    private void bodyFailure(RoutingContext context) {
        if (context.statusCode() == 413) {
            refuse(context, 413, ErrorCodes.PAYLOAD_TOO_LARGE, "The request body is larger than "
                    + limits.maxBodySize().asLongValue() + " bytes (diplograph.graphql.max-body-size).");
        } else {
            context.next();
        }
    }

    private void check(RoutingContext context) {
        context.put(STARTED, System.nanoTime());
        HttpMethod method = context.request().method();
        boolean get = HttpMethod.GET.equals(method);
        if (HttpMethod.OPTIONS.equals(method)) {
            context.next();
            return;
        }
        if (!get && !HttpMethod.POST.equals(method)) {
            context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS");
            refuse(context, 405, ErrorCodes.METHOD_NOT_ALLOWED,
                    "Send GraphQL requests with GET (queries) or POST, not " + method.name() + ".");
            return;
        }
        if (!acceptable(context)) {
            refuse(context, 406, ErrorCodes.NOT_ACCEPTABLE, "This endpoint answers with " + GRAPHQL_RESPONSE + " or "
                    + JSON + "; the Accept header allows neither.");
            return;
        }
        Request request;
        try {
            request = get ? fromQueryString(context) : fromBody(context);
        } catch (Refusal refusal) {
            refuse(context, refusal.status, refusal.code, refusal.getMessage());
            return;
        }
        try {
            request = resolvePersisted(context, request, get);
        } catch (Refusal refusal) {
            refuse(context, refusal.status, refusal.code, refusal.getMessage());
            return;
        }
        if (request == null) {
            return; // answered already
        }
        DocumentCheck.Parsed parsed = documents.parse(request.query);
        if (parsed.problem() != null) {
            requestError(context, parsed.problem().code(), parsed.problem().message());
            return;
        }
        Document document = parsed.document();
        OperationDefinition operation = DocumentCheck.operation(document, request.operationName);
        if (operation == null && request.operationName() != null && !request.operationName().isEmpty()) {
            requestError(context, ErrorCodes.BAD_USER_INPUT, "Unknown operation named '" + request.operationName() + "'.");
            return;
        }
        if (get && operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(context, 405, ErrorCodes.METHOD_NOT_ALLOWED,
                    "Only queries may be sent with GET; send " + operation.getOperation().name().toLowerCase(Locale.ROOT)
                            + "s with POST.");
            return;
        }
        DocumentCheck.Problem problem = documents.limitsAndValidation(document, operation);
        if (problem != null) {
            requestError(context, problem.code(), problem.message());
            return;
        }
        if (operation != null && operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            // Checked after validation, so a broken subscription hears what is wrong with it first.
            // SmallRye would answer with its unsubscribed stream object; say where subscriptions live.
            requestError(context, ErrorCodes.SUBSCRIPTION_NEEDS_WEBSOCKET, "Subscriptions are served over WebSocket on"
                    + " /graphql (subprotocol graphql-transport-ws or graphql-ws), not over HTTP.");
            return;
        }
        boolean query = operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY;
        int runs = limits.consistentReadAttempts();
        if (query && runs > 1 && localCommits) {
            // Marked before the ETag's data version is read: a write committing in between shows.
            context.put(ConsistentReads.KEY, ConsistentReads.Attempt.local(runs));
        }
        if (get && !conditional(context, request)) {
            return; // 304 Not Modified
        }
        if (query && runs > 1 && !localCommits) {
            // The data version the query starts from: RequestGuard runs it again if a write commits meanwhile.
            Long version = context.get(CACHE_CANDIDATE) instanceof CacheCandidate candidate ? Long.valueOf(candidate.version())
                    : ConsistentReads.versionNow(dataVersion);
            if (version != null) {
                context.put(ConsistentReads.KEY, ConsistentReads.Attempt.fromVersion(version, runs));
            }
        }
        if (get) {
            forwardQueryString(context, request, document, operation);
        }
        boolean graphqlResponse = wantsGraphQLResponse(context);
        if (context.request().headers().contains(HttpHeaders.ACCEPT)) {
            // SmallRye reads Accept on its own, knows no weights and refuses application/* with an empty 406;
            // it gets the one type chosen here.
            context.request().headers().set(HttpHeaders.ACCEPT, graphqlResponse ? GRAPHQL_RESPONSE : JSON);
        }
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (!graphqlResponse) {
                // SmallRye answers with the GraphQL response type; a client that did not ask for it
                // (no Accept, */*, application/json) gets application/json, as the specification says.
                headers.set(HttpHeaders.CONTENT_TYPE, JSON + "; charset=utf-8");
            } else if (Boolean.TRUE.equals(context.get(REQUEST_ERROR)) && context.response().getStatusCode() == 200) {
                // SmallRye sends 200 whatever the answer holds, and has already named it "OK"
                context.response().setStatusCode(400).setStatusMessage(HttpResponseStatus.BAD_REQUEST.reasonPhrase());
            }
            // Quarkus marks responses of routes it did not declare "identity"; let Vert.x gzip ours
            // (quarkus.http.enable-compression) when the client accepts it.
            if (HttpHeaders.IDENTITY.toString().equals(headers.get(HttpHeaders.CONTENT_ENCODING))) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
        context.next();
    }

    /**
     * HTTP caching of a GET query: a strong ETag from the data version and the request, a 304 when
     * If-None-Match has it (the query does not run), and the cache headers once the response is known
     * to be free of errors ({@link RequestGuard} checks, and that no write committed meanwhile).
     * Returns false when it has answered 304.
     */
    private boolean conditional(RoutingContext context, Request request) {
        boolean anonymous = context.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
        long maxAge = limits.cacheMaxAge().toSeconds();
        if (!anonymous || maxAge <= 0) {
            context.addHeadersEndHandler(v -> context.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
            return true;
        }
        long version;
        try {
            version = dataVersion.current();
        } catch (SQLException e) {
            context.addHeadersEndHandler(v -> context.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
            return true; // not cacheable; the query itself will report a database failure
        }
        String etag = etag(version, context, request);
        String cacheControl = "public, max-age=" + maxAge;
        String vary = "Accept, Accept-Encoding";
        String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (EntityTags.matches(ifNoneMatch, etag)) {
            context.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
                    .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl).putHeader(HttpHeaders.VARY, vary).end();
            return false;
        }
        context.put(CACHE_CANDIDATE, new CacheCandidate(etag, version));
        context.addHeadersEndHandler(v -> {
            if (context.response().getStatusCode() == 200 && Boolean.TRUE.equals(context.get(CACHEABLE))) {
                context.response().headers().set(HttpHeaders.ETAG, etag).set(HttpHeaders.CACHE_CONTROL, cacheControl)
                        .set(HttpHeaders.VARY, vary);
            } else {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        return true;
    }

    /**
     * Strong: the same build, data version, request and representation always give the same bytes.
     * The build is in it because a new build may answer the same query differently.
     */
    private static String etag(long version, RoutingContext context, Request request) {
        String encoding = context.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        return EntityTags.of(Build.id(), version, String.join("\n", request.query(), String.valueOf(request.operationName()),
                String.valueOf(request.variables()), String.valueOf(wantsGraphQLResponse(context)),
                ContentCodings.acceptedKey(encoding)));
    }

    /** The GraphQL-over-HTTP parameters of a request; query is null for a persisted query's hash alone. */
    private record Request(String query, String operationName, String variables, JsonObject extensions,
            JsonObject body) {
    }

    private Request fromQueryString(RoutingContext context) throws Refusal {
        if (context.request().uri().length() > limits.maxBodySize().asLongValue()) {
            throw new Refusal(414, ErrorCodes.PAYLOAD_TOO_LARGE, "The query string is too long.");
        }
        MultiMap params = context.queryParams();
        for (String name : GET_PARAMETERS) {
            int times = params.getAll(name).size();
            if (times > 1) {
                // As with a JSON property named twice: which one counts is a guess a proxy may make differently.
                throw new Refusal(400, ErrorCodes.BAD_REQUEST,
                        "\"" + name + "\" is given " + times + " times in the query string; give it once.");
            }
        }
        String variables = params.get("variables");
        requireJsonObject(variables, "variables");
        return new Request(params.get("query"), params.get("operationName"), variables,
                requireJsonObject(params.get("extensions"), "extensions"), null);
    }

    private Request fromBody(RoutingContext context) throws Refusal {
        requireJsonInUtf8(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        requireUncompressed(context);
        Object body;
        try {
            Buffer bytes = context.body().buffer();
            body = bytes == null ? null : decode(utf8(bytes), "The body");
        } catch (DecodeException e) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The body is not valid JSON.");
        }
        if (body instanceof JsonArray) {
            throw new Refusal(400, ErrorCodes.BATCHING_NOT_SUPPORTED,
                    "Batches (a JSON array of operations) are not accepted; send one operation per request.");
        }
        if (!(body instanceof JsonObject json)) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The body must be a JSON object with a \"query\".");
        }
        Object query = json.getValue("query");
        Object operationName = json.getValue("operationName");
        if (query != null && !(query instanceof String)) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"query\" must be a string.");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"operationName\" must be a string.");
        }
        for (String map : List.of("variables", "extensions")) {
            Object value = json.getValue(map);
            if (value != null && !(value instanceof JsonObject)) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"" + map + "\" must be a JSON object.");
            }
        }
        JsonObject variables = json.getJsonObject("variables");
        return new Request((String) query, (String) operationName, variables == null ? null : variables.encode(),
                json.getJsonObject("extensions"), json);
    }

    /**
     * A GraphQL request is read as it came: a compressed body would otherwise be reported as a stray
     * byte, and decompressing it would let a small body unpack past the body limit. RFC 9110 (15.5.16):
     * the 415 names the one coding accepted.
     */
    private static void requireUncompressed(RoutingContext context) throws Refusal {
        List<String> codings = ContentCodings.applied(context.request().headers().getAll(HttpHeaders.CONTENT_ENCODING));
        if (!codings.isEmpty()) {
            context.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            throw new Refusal(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Send GraphQL requests uncompressed;"
                    + " Content-Encoding " + String.join(", ", codings) + " is not accepted.");
        }
    }

    /**
     * The body must be {@code application/json} in UTF-8 (RFC 8259). SmallRye decodes the body again
     * with the charset the header names, so another charset would run a query other than the one
     * checked here, or fail inside SmallRye on a charset name the JVM does not know.
     */
    private static void requireJsonInUtf8(String type) throws Refusal {
        // GraphiQL in Chromium sends "application/json, application/json": a header set twice, joined.
        for (String mediaType : (type == null ? "" : type).split(",", -1)) {
            String[] parts = mediaType.split(";", -1);
            if (!parts[0].trim().equalsIgnoreCase(JSON)) {
                throw new Refusal(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Send GraphQL requests as Content-Type:"
                        + " application/json" + (type == null ? "." : ", not " + type + "."));
            }
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                    String charset = parts[i].substring(equals + 1).trim().replace("\"", "");
                    if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                        throw new Refusal(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                                "Send the body in UTF-8 (charset=utf-8), not charset=" + charset + ".");
                    }
                }
            }
        }
    }

    /**
     * The body, once it is known to be UTF-8 without a byte order mark (SmallRye decodes it again as
     * UTF-8 and cannot parse a mark) and without a NUL byte among its first four, which JSON never has
     * and from which Jackson would infer UTF-16 or UTF-32. Jackson then decodes the bytes itself, in
     * the same pass as the JSON: decoding a large body to a string first took as long again.
     */
    private static Buffer utf8(Buffer body) throws Refusal {
        ByteBuf bytes = body.getByteBuf();
        int start = bytes.readerIndex();
        int length = bytes.readableBytes();
        int other = firstNonAsciiBlock(bytes);
        // Strict from the first block that is not ASCII on (every sequence starts there or later): no overlong forms or surrogates.
        if (other >= 0 && !ByteBufUtil.isText(bytes, other, start + length - other, StandardCharsets.UTF_8)) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The body is not valid UTF-8.");
        }
        if (length >= 3 && bytes.getUnsignedByte(start) == 0xEF && bytes.getUnsignedByte(start + 1) == 0xBB
                && bytes.getUnsignedByte(start + 2) == 0xBF) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The body starts with a byte order mark; send UTF-8 without one.");
        }
        for (int i = start; i < start + Math.min(4, length); i++) {
            if (bytes.getByte(i) == 0) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The body is not valid JSON.");
            }
        }
        return body;
    }

    /** Where the first block of eight bytes with a byte that is not ASCII starts, or -1: most bodies are ASCII. */
    private static int firstNonAsciiBlock(ByteBuf bytes) {
        int i = bytes.readerIndex();
        int end = bytes.writerIndex();
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if ((bytes.getLong(i) & 0x8080808080808080L) != 0) {
                return i;
            }
        }
        for (; i < end; i++) {
            if (bytes.getByte(i) < 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Automatic persisted queries: a hash with its query registers the query (after checking the
     * hash); a hash alone is replaced by the registered query, or answered PERSISTED_QUERY_NOT_FOUND
     * (then the client sends both). Returns null when the request has been answered.
     */
    private Request resolvePersisted(RoutingContext context, Request request, boolean get) throws Refusal {
        JsonObject extension = null;
        if (request.extensions() != null && request.extensions().getValue("persistedQuery") != null) {
            if (!(request.extensions().getValue("persistedQuery") instanceof JsonObject object)) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"extensions.persistedQuery\" must be an object.");
            }
            extension = object;
        }
        if (extension == null) {
            if (request.query() == null || request.query().isBlank()) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The request has no \"query\".");
            }
            return request;
        }
        Object version = extension.getValue("version");
        if (version != null && !Integer.valueOf(1).equals(version)) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "Only version 1 of persisted queries is supported.");
        }
        if (!(extension.getValue("sha256Hash") instanceof String hash) || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST,
                    "\"extensions.persistedQuery.sha256Hash\" must be 64 hexadecimal digits.");
        }
        String key = hash.toLowerCase(Locale.ROOT);
        if (request.query() != null) {
            if (!PersistedQueries.sha256(request.query()).equals(key)) {
                throw new Refusal(400, ErrorCodes.PERSISTED_QUERY_HASH_MISMATCH,
                        "The sha256Hash of the persisted query is not the SHA-256 of its query.");
            }
            persisted.put(key, request.query());
            return request;
        }
        String query = persisted.get(key);
        if (query == null) {
            // The message is the one Apollo and Relay clients look for; they then send the query.
            refuse(context, 200, ErrorCodes.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
            return null;
        }
        if (!get) { // a GET's query parameter is set when it is forwarded
            ((RoutingContextInternal) context).setBody(Buffer.buffer(request.body().copy().put("query", query).encode()));
        }
        return new Request(query, request.operationName(), request.variables(), request.extensions(), request.body());
    }

    /**
     * Sets the query-string parameters SmallRye reads so that it executes exactly the request checked
     * here. Quarkus' GET handler (3.33) URL-decodes the parameters a second time ("%" in a string fails
     * with a 500, "+" turns into a space), drops the line breaks of the query (a {@code #} comment then
     * swallows the rest of it), and passes the query text as the operation name. So the parameters are
     * encoded once more, which its second decoding undoes (line breaks stay encoded until then), and
     * the operation name is replaced by a document that holds only the named operation.
     */
    private static void forwardQueryString(RoutingContext context, Request request, Document document,
            OperationDefinition operation) {
        MultiMap params = context.queryParams();
        String query = request.query();
        if (params.contains("operationName")) {
            params.remove("operationName");
            if (operation != null && document.getDefinitionsOfType(OperationDefinition.class).size() > 1) {
                query = AstPrinter.printAst(document.transform(builder -> builder.definitions(document.getDefinitions()
                        .stream().filter(d -> d == operation || !(d instanceof OperationDefinition)).toList())));
            }
        }
        params.set("query", URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (request.variables() != null) {
            params.set("variables", URLEncoder.encode(request.variables(), StandardCharsets.UTF_8));
        }
        if (request.extensions() != null) {
            params.set("extensions", URLEncoder.encode(request.extensions().encode(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Decodes JSON as {@code Json.decodeValue} does, in the same single pass, but refuses an object that
     * names the same property twice: parsers disagree on which value wins, so a proxy that checked one
     * and this service that ran the other could see different requests.
     */
    private static Object decode(String json, String what) throws Refusal {
        return decode(JacksonCodec.createParser(json), what);
    }

    /** {@link #decode(String, String)} of UTF-8 bytes. */
    private static Object decode(Buffer json, String what) throws Refusal {
        return decode(JacksonCodec.createParser(json), what);
    }

    private static Object decode(JsonParser parser, String what) throws Refusal {
        parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            return JacksonCodec.fromParser(parser, Object.class);
        } catch (DecodeException e) {
            if (e.getCause() instanceof JsonParseException cause && cause.getOriginalMessage() != null
                    && cause.getOriginalMessage().startsWith("Duplicate field")) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, what + " names the same property twice ("
                        + cause.getOriginalMessage() + "), so which value is meant is unknown.");
            }
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, what + " " + JsonParserLimits.passed(limit));
            }
            throw e;
        }
    }

    private static JsonObject requireJsonObject(String value, String name) throws Refusal {
        if (value == null) {
            return null;
        }
        try {
            if (decode(value, "\"" + name + "\"") instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"" + name + "\" is not valid JSON.");
        }
        throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"" + name + "\" must be a JSON object.");
    }

    /**
     * A well-formed request that cannot run (parse or validation failure, over a limit): 400 with the
     * GraphQL response media type, 200 with plain JSON, as GraphQL-over-HTTP says.
     */
    private static void requestError(RoutingContext context, String code, String message) {
        refuse(context, wantsGraphQLResponse(context) ? 400 : 200, code, message);
    }

    /**
     * Whether the Accept header (absent means anything) allows one of the two media types answered
     * with, as SmallRye's handler reads it (which answers any other header with an empty 406).
     */
    /** Whether the Accept header (none, or one naming no type, accepts anything) allows one of the two response types. */
    private static boolean acceptable(RoutingContext context) {
        AcceptWeights weights = acceptWeights(context);
        return weights.none || weights.graphqlResponse > 0 || weights.json > 0 || weights.wildcard > 0;
    }

    /**
     * Whether the answer is {@code application/graphql-response+json}: the client names it, with a
     * weight above zero and at least that of {@code application/json}. Wildcards alone get
     * {@code application/json}, which the specification keeps for clients that predate the new type.
     */
    static boolean wantsGraphQLResponse(RoutingContext context) {
        AcceptWeights weights = acceptWeights(context);
        return weights.graphqlResponse > 0 && weights.graphqlResponse >= weights.json;
    }

    /**
     * The Accept header's highest weight for each response type, read once per request from the
     * header itself: a failure handler's context (a body over the cap) has no parsed headers.
     */
    private static AcceptWeights acceptWeights(RoutingContext context) {
        AcceptWeights known = context.get(ANSWER_TYPE);
        if (known == null) {
            known = AcceptWeights.of(context.request().getHeader(HttpHeaders.ACCEPT));
            context.put(ANSWER_TYPE, known);
        }
        return known;
    }

    /** Highest weights in an Accept header: of the GraphQL response type, of JSON, of {@code *}/{@code *} or {@code application/*}. */
    record AcceptWeights(boolean none, float graphqlResponse, float json, float wildcard) {

        static AcceptWeights of(String accept) {
            if (accept == null) {
                return new AcceptWeights(true, 0, 0, 0);
            }
            float graphqlResponse = 0;
            float json = 0;
            float wildcard = 0;
            boolean named = false;
            for (String range : accept.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                named |= !type.isEmpty();
                float weight = 1;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim();
                    if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                            && parameter.charAt(1) == '=') {
                        try {
                            weight = Float.parseFloat(parameter.substring(2).trim());
                        } catch (NumberFormatException e) {
                            weight = 1; // a weight that does not parse counts as none given
                        }
                    }
                }
                switch (type) {
                    case GRAPHQL_RESPONSE -> graphqlResponse = Math.max(graphqlResponse, weight);
                    case JSON -> json = Math.max(json, weight);
                    case "*/*", "application/*" -> wildcard = Math.max(wildcard, weight);
                    default -> {
                        // another type: neither response type satisfies it
                    }
                }
            }
            return new AcceptWeights(!named, graphqlResponse, json, wildcard);
        }
    }

    private static void refuse(RoutingContext context, int status, String code, String message) {
        if (context.get(STARTED) instanceof Long started) {
            // How long the gate took to refuse, once the body had arrived (bench/abuse.py reads it).
            context.response().putHeader("Server-Timing",
                    String.format(Locale.ROOT, "gate;dur=%.2f", (System.nanoTime() - started) / 1e6));
        }
        JsonObject body = new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code))));
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE,
                        (wantsGraphQLResponse(context) ? GRAPHQL_RESPONSE : JSON) + "; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }

    /** A request that is refused before parsing, with its status code. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
