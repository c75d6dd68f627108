package dev.diplograph.graphql;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.diplograph.dataset.DatasetError;
import dev.diplograph.dataset.InvalidDatasetException;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.error.DatabaseUnavailableException;
import dev.diplograph.error.ErrorCodes;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.StorableText;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition.Operation;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.ErrorCode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.validation.BeanValidationError;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards every GraphQL operation: before execution it rejects inputs the resolvers cannot honour
 * (malformed dates, Int values that are not 32-bit whole numbers, text no database can store), and after
 * execution it gives every error a stable {@code extensions.code} and hides unexpected failures.
 */
public class RequestGuard extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    /** The field graphql-java names in "… - __Type.fields is present too often!". */
    private static final Pattern REPEATED_INTROSPECTION = Pattern.compile("- (\\S+) is present too often");
    private static final String DATE_SCALAR = "Date";
    private static final String INT_SCALAR = "Int";

    /** diplograph.graphql.timeout, read once: this class is built by SmallRye, not by CDI. */
    private final long timeoutNanos = ConfigProvider.getConfig()
            .getOptionalValue("diplograph.graphql.timeout", Duration.class).orElse(Duration.ofSeconds(10)).toNanos();

    /** When the operation started, for the execution timeout. */
    private record Started(long nanos) implements InstrumentationState {
    }

    /** Thrown by a field fetch that starts after the execution timeout; the rest of the operation is abandoned. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration timeout) {
            super("The operation ran longer than " + timeout.toMillis()
                    + " ms (diplograph.graphql.timeout); its remaining fields were not resolved.", null, false, false);
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Started(System.nanoTime());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof Started started)
                || parameters.getExecutionContext().getOperationDefinition().getOperation() == Operation.SUBSCRIPTION) {
            // A subscription lives as long as its client wants; each event is resolved when it comes.
            return dataFetcher;
        }
        return environment -> {
            if (System.nanoTime() - started.nanos() > timeoutNanos) {
                throw new TimedOut(Duration.ofNanos(timeoutNanos));
            }
            return dataFetcher.get(environment);
        };
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        List<GraphQLError> errors = new ArrayList<>();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField() || env.getFieldDefinition().getArguments().isEmpty()) {
                            return;
                        }
                        SourceLocation location = env.getField().getSourceLocation();
                        Map<String, Value<?>> literals = new HashMap<>();
                        env.getField().getArguments().forEach(a -> literals.put(a.getName(), a.getValue()));
                        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
                            checkInput(argument.getType(), literals.get(argument.getName()),
                                    env.getArguments().get(argument.getName()), argument.getName(), location, errors);
                        }
                    }
                });
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * Checks an argument value against its type where SmallRye's scalars are more lenient than the
     * GraphQL specification: its {@code Int} takes strings, fractions and numbers beyond 32 bits from
     * variables (they failed later, inside the resolver) and wraps literals beyond 32 bits around; and
     * {@code Date} takes any string (dates are also kept to the dataset's four-digit years, 0001 to
     * 9999: PostgreSQL has no year 0). Text must also be storable by every database ({@link StorableText}).
     * {@code literal} is the value as written in the document (null when it came from a variable),
     * {@code value} the value after coercion.
     */
    private static void checkInput(GraphQLInputType type, Value<?> literal, Object value, String path,
            SourceLocation location, List<GraphQLError> errors) {
        Value<?> written = literal instanceof VariableReference ? null : literal;
        if (written instanceof NullValue || (written == null && value == null)) {
            return;
        }
        GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (written instanceof ArrayValue array) {
                List<?> values = value instanceof List<?> items && items.size() == array.getValues().size() ? items : null;
                for (int i = 0; i < array.getValues().size(); i++) {
                    checkInput(item, array.getValues().get(i), values == null ? null : values.get(i), path + "[" + i + "]",
                            location, errors);
                }
            } else if (written == null && value instanceof Iterable<?> items) {
                int i = 0;
                for (Object element : items) {
                    checkInput(item, null, element, path + "[" + i++ + "]", location, errors);
                }
            } else {
                checkInput(item, written, value, path, location, errors); // one value where a list is expected
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object) {
            Map<String, Value<?>> fields = new HashMap<>();
            if (written instanceof ObjectValue objectValue) {
                objectValue.getObjectFields().forEach(field -> fields.put(field.getName(), field.getValue()));
            }
            Map<?, ?> values = value instanceof Map<?, ?> map ? map : Map.of();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                checkInput(field.getType(), fields.get(field.getName()), values.get(field.getName()),
                        path + "." + field.getName(), location, errors);
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar && INT_SCALAR.equals(scalar.getName())) {
            checkInt(written, value, path, location, errors);
        } else if (unwrapped instanceof GraphQLScalarType scalar && DATE_SCALAR.equals(scalar.getName()) && value != null) {
            LocalDate date = value instanceof LocalDate given ? given : parseDate(value.toString());
            if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
                errors.add(badInput("Argument '" + path + "' must be a calendar date in ISO-8601 form YYYY-MM-DD, "
                        + "from 0001-01-01 to 9999-12-31, got " + brief("\"" + value + "\"") + ".", location));
            }
        } else if (value instanceof String text) {
            int at = StorableText.firstUnstorable(text);
            if (at >= 0) {
                errors.add(badInput("Argument '" + path + "' " + StorableText.problem(text, at) + ".", location));
            }
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    /** How much of a refused value an error message repeats. */
    private static final int SHOWN_CHARS = 40;

    /** An Int is a whole number that fits in 32 bits, written as an integer literal or sent as a JSON number. */
    private static void checkInt(Value<?> written, Object value, String path, SourceLocation location,
            List<GraphQLError> errors) {
        boolean valid;
        String shown;
        if (written != null) {
            valid = written instanceof IntValue literal && literal.getValue().bitLength() < Integer.SIZE;
            shown = AstPrinter.printAst(written);
        } else if (value instanceof Integer) {
            return;
        } else if (value instanceof Number number) {
            BigDecimal exact = toBigDecimal(number);
            valid = exact != null && exact.stripTrailingZeros().scale() <= 0
                    && exact.compareTo(INT_MIN) >= 0 && exact.compareTo(INT_MAX) <= 0;
            shown = number.toString();
        } else {
            valid = false;
            shown = value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }
        if (!valid) {
            errors.add(badInput("Argument '" + path + "' must be an Int, a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + "; got " + brief(shown) + ".", location));
        }
    }

    /** A refused value as an error message repeats it: at most {@link #SHOWN_CHARS} characters of it. */
    private static String brief(String shown) {
        return shown.length() > SHOWN_CHARS ? shown.substring(0, SHOWN_CHARS) + "…" : shown;
    }

    private static BigDecimal toBigDecimal(Number number) {
        try {
            return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null; // NaN or infinity
        }
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        RoutingContext http = currentHttpRequest();
        if (http != null && http.get(ConsistentReads.KEY) instanceof ConsistentReads.Attempt attempt) {
            // A query that a write overlapped runs again (errors included: a row deleted between two
            // levels shows as one); the new run's answer has been through this method already.
            return ConsistentReads.verify(attempt, parameters.getExecutionInput(), timeoutNanos)
                    .handle((again, failure) -> {
                        if (failure != null) {
                            LOG.debugf(failure, "A query's new run failed; its first answer goes out");
                        }
                        return failure == null ? again : null;
                    })
                    .thenCompose(again -> again != null ? CompletableFuture.completedFuture(again) : finish(result, http));
        }
        return finish(result, http);
    }

    private CompletableFuture<ExecutionResult> finish(ExecutionResult result, RoutingContext http) {
        if (result.getErrors().isEmpty()) {
            markCacheable(http);
            return CompletableFuture.completedFuture(result);
        }
        if (http != null && !result.isDataPresent()) {
            http.put(GraphQLHttpGate.REQUEST_ERROR, Boolean.TRUE);
        }
        List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
        boolean failedField = false;
        boolean timedOut = false;
        for (GraphQLError error : result.getErrors()) {
            if (error.getErrorType() == ErrorType.NullValueInNonNullableField && failedField) {
                continue; // only the consequence of an error already reported for this field
            }
            if (error instanceof ExceptionWhileDataFetching fetching && unwrap(fetching.getException()) instanceof TimedOut) {
                if (timedOut) {
                    continue; // every field after the deadline fails the same way: report it once
                }
                timedOut = true;
            }
            errors.addAll(normalize(error));
            failedField |= error instanceof ExceptionWhileDataFetching || error instanceof BeanValidationError;
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    /**
     * Lets {@link GraphQLHttpGate} send cache headers for this error-free GET response, provided no
     * write committed while it ran (the ETag names the data version the gate saw before).
     */
    private static void markCacheable(RoutingContext context) {
        if (context == null || !(context.get(GraphQLHttpGate.CACHE_CANDIDATE) instanceof GraphQLHttpGate.CacheCandidate candidate)) {
            return;
        }
        if (context.get(ConsistentReads.KEY) instanceof ConsistentReads.Attempt attempt) {
            if (attempt.firstRunConsistent()) {
                context.put(GraphQLHttpGate.CACHEABLE, Boolean.TRUE); // read from the state the ETag names
            }
            return;
        }
        try {
            if (Arc.container().instance(DataVersion.class).get().current() == candidate.version()) {
                context.put(GraphQLHttpGate.CACHEABLE, Boolean.TRUE);
            }
        } catch (SQLException e) {
            LOG.debugf("Data version not readable; response not cacheable: %s", e.getMessage());
        }
    }

    /** The HTTP request of this operation, or null (a subscription event, a WebSocket operation). */
    private static RoutingContext currentHttpRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class);
        return current.isAvailable() ? current.get().getCurrent() : null;
    }

    private static List<GraphQLError> normalize(GraphQLError error) {
        if (error instanceof BeanValidationError) {
            return violations(error);
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fetchingError(error, unwrap(fetching.getException()));
        }
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return List.of(error);
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return List.of(withCode(error, introspectionLimit(error.getMessage()), ErrorCodes.QUERY_TOO_COMPLEX, null));
        }
        if (error instanceof InvalidSyntaxError) {
            return List.of(withCode(error, error.getMessage(), ErrorCodes.GRAPHQL_PARSE_FAILED, null));
        }
        if (error instanceof ValidationError validation) {
            boolean badValue = validation.getValidationErrorType() == ValidationErrorType.WrongType
                    || validation.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument;
            return List.of(withCode(error, PlainMessages.of(error.getMessage()),
                    badValue ? ErrorCodes.BAD_USER_INPUT : ErrorCodes.GRAPHQL_VALIDATION_FAILED, null));
        }
        if (error.getErrorType() == ErrorType.ValidationError) { // variable coercion
            return List.of(withCode(error, PlainMessages.of(error.getMessage()), ErrorCodes.BAD_USER_INPUT, null));
        }
        return List.of(withCode(error, error.getMessage(), ErrorCodes.INTERNAL_SERVER_ERROR, null));
    }

    /**
     * graphql-java's refusal of introspection that could fan out ("… not asking for introspection in good
     * faith - __Type.fields is present too often!"), said as what to change.
     */
    static String introspectionLimit(String message) {
        Matcher repeated = REPEATED_INTROSPECTION.matcher(message == null ? "" : message);
        String what = repeated.find() ? repeated.group(1) + " is asked for more than once"
                : "it asks for too much (at most " + GoodFaithIntrospection.GOOD_FAITH_MAX_FIELDS_COUNT + " fields, "
                        + GoodFaithIntrospection.GOOD_FAITH_MAX_DEPTH_COUNT + " levels)";
        return "The introspection query is refused: " + what + ". graphql-java's introspection limit allows each of "
                + "__schema, __type and __Type's fields, inputFields, interfaces and possibleTypes once per operation "
                + "(fragments count where they are spread); send such queries separately.";
    }

    /** Errors thrown by resolvers: known ones keep their message and get their code, the rest are hidden. */
    private static List<GraphQLError> fetchingError(GraphQLError error, Throwable cause) {
        if (cause instanceof TimedOut) {
            return List.of(withCode(error, cause.getMessage(), ErrorCodes.TIMEOUT, null));
        }
        if (cause instanceof InvalidDatasetException invalid) {
            List<GraphQLError> errors = new ArrayList<>();
            for (DatasetError problem : invalid.errors()) {
                String field = InputPaths.fromPointer(problem.pointer());
                errors.add(withCode(error, field + ": " + problem.message(), ErrorCodes.BAD_USER_INPUT, field));
            }
            return errors;
        }
        if (cause instanceof BadUserInputException bad) {
            return List.of(withCode(error, bad.getMessage(), ErrorCodes.BAD_USER_INPUT, bad.field()));
        }
        if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
            return List.of(withCode(error, "This operation needs a bearer token with the editor role.",
                    ErrorCodes.UNAUTHENTICATED, null));
        }
        if (cause instanceof ForbiddenException) {
            return List.of(withCode(error, "The token is valid but lacks the editor role.", ErrorCodes.FORBIDDEN,
                    null));
        }
        Throwable unavailable = DatabaseUnavailableException.reason(cause);
        if (unavailable != null) {
            LOG.warnf("No database connection for %s: %s", error.getPath(), unavailable.getMessage());
            return List.of(withCode(error, DatabaseUnavailableException.MESSAGE, ErrorCodes.DATABASE_UNAVAILABLE, null));
        }
        if (cause.getClass().isAnnotationPresent(ErrorCode.class)) {
            return List.of(withCode(error, cause.getMessage(), cause.getClass().getAnnotation(ErrorCode.class).value(),
                    null));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unexpected failure while resolving %s (reference %s)", error.getPath(), reference);
        return List.of(withCode(error, "Internal server error (reference " + reference + ").",
                ErrorCodes.INTERNAL_SERVER_ERROR, null));
    }

    /** One error per Bean Validation violation, each naming the input field it is about. */
    private static List<GraphQLError> violations(GraphQLError error) {
        Object violations = error.getExtensions() == null ? null : error.getExtensions().get("violations");
        List<GraphQLError> errors = new ArrayList<>();
        if (violations instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> violation) {
                    String field = InputPaths.fromPropertyPath(violation.get("propertyPath"));
                    errors.add(withCode(error, field + ": " + violation.get("message"), ErrorCodes.BAD_USER_INPUT,
                            field));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.add(withCode(error, error.getMessage(), ErrorCodes.BAD_USER_INPUT, null));
        }
        return errors;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof InvocationTargetException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static GraphQLError withCode(GraphQLError error, String message, String code, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return new CodedError(message, error.getLocations() == null ? List.of() : error.getLocations(),
                error.getPath(), extensions, error.getErrorType());
    }

    private static GraphQLError badInput(String message, SourceLocation location) {
        return new CodedError(message, location == null ? List.of() : List.of(location), null,
                Map.of("code", ErrorCodes.BAD_USER_INPUT), ErrorType.ValidationError);
    }

    /**
     * An error as clients see it: message, locations, path and extensions with the stable code.
     * graphql-java would add its error type as {@code extensions.classification} ("DataFetchingException"),
     * an engine-internal name next to the code clients use; the type is kept for the engine only.
     */
    record CodedError(String message, List<SourceLocation> locations, List<Object> path,
            Map<String, Object> extensions, ErrorClassification type) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        @Override
        public ErrorClassification getErrorType() {
            return type == null ? ErrorType.DataFetchingException : type;
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> specification = new LinkedHashMap<>();
            specification.put("message", message);
            if (!locations.isEmpty()) {
                specification.put("locations", locations.stream()
                        .map(location -> Map.of("line", location.getLine(), "column", location.getColumn())).toList());
            }
            if (path != null) {
                specification.put("path", path);
            }
            specification.put("extensions", extensions);
            return specification;
        }
    }

}
