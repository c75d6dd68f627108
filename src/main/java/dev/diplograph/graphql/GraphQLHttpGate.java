package dev.diplograph.graphql;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ErrorCodes;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

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

    private final DiplographConfig.GraphQL limits;
    private final Instance<GraphQLSchema> schema;
    private final ParserOptions parserOptions;

    public GraphQLHttpGate(DiplographConfig config, Instance<GraphQLSchema> schema) {
        this.limits = config.graphql();
        this.schema = schema;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxTokens(limits.maxTokens()).maxWhitespaceTokens(limits.maxTokens() * 10)
                .captureIgnoredChars(false).captureLineComments(false));
    }

    void register(@Observes Router router) {
        long maxBody = limits.maxBodySize().asLongValue();
        router.route("/graphql").order(Integer.MIN_VALUE + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .failureHandler(this::bodyFailure);
        router.route("/graphql").order(Integer.MIN_VALUE + 2).handler(this::check);
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
        HttpMethod method = context.request().method();
        boolean get = HttpMethod.GET.equals(method);
        if (!get && !HttpMethod.POST.equals(method)) {
            context.next();
            return;
        }
        Request request;
        try {
            request = get ? fromQueryString(context) : fromBody(context);
        } catch (Refusal refusal) {
            refuse(context, refusal.status, refusal.code, refusal.getMessage());
            return;
        }
        if (request == null) {
            return; // answered already
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(request.query)
                    .parserOptions(parserOptions).locale(Locale.ENGLISH).build());
        } catch (ParseCancelledException e) {
            requestError(context, ErrorCodes.TOO_MANY_TOKENS, "The document has more than " + limits.maxTokens()
                    + " tokens (diplograph.graphql.max-tokens).");
            return;
        } catch (InvalidSyntaxException e) {
            requestError(context, ErrorCodes.GRAPHQL_PARSE_FAILED, "Syntax error: " + e.getMessage());
            return;
        }
        OperationDefinition operation = operation(document, request.operationName);
        if (get && operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(context, 405, ErrorCodes.METHOD_NOT_ALLOWED,
                    "Only queries may be sent with GET; send " + operation.getOperation().name().toLowerCase(Locale.ROOT)
                            + "s with POST.");
            return;
        }
        // Size first: validation itself is costly on a hostile document (fragment bombs).
        if (operation != null) {
            OperationShape shape = OperationShape.of(document, operation);
            String problem = tooBig(shape);
            if (problem != null) {
                requestError(context, problem.substring(0, problem.indexOf(' ')),
                        problem.substring(problem.indexOf(' ') + 1));
                return;
            }
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema.get(), document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            ValidationError first = invalid.get(0);
            boolean badValue = first.getValidationErrorType() == ValidationErrorType.WrongType
                    || first.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument;
            requestError(context, badValue ? ErrorCodes.BAD_USER_INPUT : ErrorCodes.GRAPHQL_VALIDATION_FAILED,
                    first.getMessage());
            return;
        }
        if (!wantsGraphQLResponse(context)) {
            // SmallRye answers with the GraphQL response type; a client that did not ask for it
            // (no Accept, */*, application/json) gets application/json, as the specification says.
            context.addHeadersEndHandler(v -> context.response().headers()
                    .set(HttpHeaders.CONTENT_TYPE, JSON + "; charset=utf-8"));
        }
        context.next();
    }

    /** "CODE message" for the first limit the operation exceeds, or null. */
    private String tooBig(OperationShape shape) {
        if (shape.depth() > limits.maxDepth()) {
            return ErrorCodes.QUERY_TOO_DEEP + " The operation nests " + shape.depth() + " levels deep; at most "
                    + limits.maxDepth() + " are allowed (diplograph.graphql.max-depth).";
        }
        if (shape.fields() > limits.maxFields()) {
            return ErrorCodes.QUERY_TOO_COMPLEX + " The operation selects " + shape.fields()
                    + " fields with fragments expanded; at most " + limits.maxFields()
                    + " are allowed (diplograph.graphql.max-fields).";
        }
        if (shape.aliases() > limits.maxAliases()) {
            return ErrorCodes.TOO_MANY_ALIASES + " The operation uses " + shape.aliases() + " aliases; at most "
                    + limits.maxAliases() + " are allowed (diplograph.graphql.max-aliases).";
        }
        if (shape.rootFields() > limits.maxRootFields()) {
            return ErrorCodes.TOO_MANY_ROOT_FIELDS + " The operation has " + shape.rootFields()
                    + " root fields; at most " + limits.maxRootFields()
                    + " are allowed (diplograph.graphql.max-root-fields).";
        }
        return null;
    }

    private static OperationDefinition operation(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
    }

    private record Request(String query, String operationName) {
    }

    private Request fromQueryString(RoutingContext context) throws Refusal {
        if (context.request().uri().length() > limits.maxBodySize().asLongValue()) {
            throw new Refusal(414, ErrorCodes.PAYLOAD_TOO_LARGE, "The query string is too long.");
        }
        String query = context.queryParams().get("query");
        String variables = context.queryParams().get("variables");
        String extensions = context.queryParams().get("extensions");
        requireJsonObject(variables, "variables");
        requireJsonObject(extensions, "extensions");
        return request(query, context.queryParams().get("operationName"));
    }

    private Request fromBody(RoutingContext context) throws Refusal {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new Refusal(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Send GraphQL requests as Content-Type: application/json" + (type == null ? "." : ", not " + type + "."));
        }
        Object body;
        try {
            body = context.body().buffer() == null ? null : Json.decodeValue(context.body().buffer());
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
        return request((String) query, (String) operationName);
    }

    private static Request request(String query, String operationName) throws Refusal {
        if (query == null || query.isBlank()) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "The request has no \"query\".");
        }
        return new Request(query, operationName);
    }

    private static void requireJsonObject(String value, String name) throws Refusal {
        if (value == null) {
            return;
        }
        try {
            if (!(Json.decodeValue(value) instanceof JsonObject)) {
                throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"" + name + "\" must be a JSON object.");
            }
        } catch (DecodeException e) {
            throw new Refusal(400, ErrorCodes.BAD_REQUEST, "\"" + name + "\" is not valid JSON.");
        }
    }

    /**
     * A well-formed request that cannot run (parse or validation failure, over a limit): 400 with the
     * GraphQL response media type, 200 with plain JSON, as GraphQL-over-HTTP says.
     */
    private static void requestError(RoutingContext context, String code, String message) {
        refuse(context, wantsGraphQLResponse(context) ? 400 : 200, code, message);
    }

    static boolean wantsGraphQLResponse(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(GRAPHQL_RESPONSE);
    }

    private static void refuse(RoutingContext context, int status, String code, String message) {
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
