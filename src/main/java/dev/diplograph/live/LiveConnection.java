package dev.diplograph.live;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.diplograph.error.ErrorCodes;
import dev.diplograph.graphql.DocumentCheck;
import dev.diplograph.security.EditorTokenAuthMechanism;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AnonymousAuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.spi.LookupService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One GraphQL WebSocket connection: its protocol state machine, its operations, and its outbound
 * flow control. State changes happen on the connection's event loop; parsing, authentication and
 * execution on worker threads. A subscription asks for its next event only when the socket can take
 * more, so a client that stops reading fills that subscription's bounded buffer and is disconnected.
 */
final class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class);

    /** Close codes (graphql-transport-ws defines the 44xx ones; 4413 is this service's). */
    static final short BAD_REQUEST = 4400;
    static final short UNAUTHORIZED = 4401;
    static final short INIT_TIMEOUT = 4408;
    static final short DUPLICATE_ID = 4409;
    static final short SLOW_CONSUMER = 4413;
    static final short TOO_MANY_INITS = 4429;

    /** The two WebSocket subprotocols, with their message type names. */
    enum Protocol {
        /** graphql-transport-ws, spoken by the graphql-ws library. */
        TRANSPORT("graphql-transport-ws", "subscribe", "next", "complete"),
        /** graphql-ws, the protocol of the older subscriptions-transport-ws library. */
        LEGACY("graphql-ws", "start", "data", "stop");

        final String name;
        final String start;
        final String data;
        final String stop;

        Protocol(String name, String start, String data, String stop) {
            this.name = name;
            this.start = start;
            this.data = data;
            this.stop = stop;
        }

        static Protocol of(String subprotocol) {
            for (Protocol p : values()) {
                if (p.name.equals(subprotocol)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final ServerWebSocket socket;
    private final Protocol protocol;
    private final GraphQLWebSocket server;
    private final Vertx vertx;
    private final Context context;
    private final Map<String, Operation> operations = new HashMap<>();
    private final List<Runnable> waitingForDrain = new ArrayList<>();
    private final Map<String, List<String>> headers = new HashMap<>();
    private SecurityIdentity identity;
    private boolean initReceived;
    private boolean acknowledged;
    private boolean closed;
    private long initTimer = -1;
    private long keepAliveTimer = -1;

    LiveConnection(ServerWebSocket socket, Protocol protocol, GraphQLWebSocket server) {
        this.socket = socket;
        this.protocol = protocol;
        this.server = server;
        this.vertx = Vertx.currentContext().owner();
        this.context = Vertx.currentContext();
        for (String name : socket.headers().names()) {
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")) {
                headers.put(name, socket.headers().getAll(name));
            }
        }
    }

    void open() {
        socket.textMessageHandler(this::receive);
        socket.binaryMessageHandler(b -> close(BAD_REQUEST, "Binary messages are not part of the protocol"));
        socket.exceptionHandler(e -> LOG.debug("WebSocket failure", e));
        socket.drainHandler(v -> drained());
        long timeout = server.config().connectionInitTimeout().toMillis();
        initTimer = vertx.setTimer(Math.max(1, timeout), id -> {
            if (!initReceived) {
                close(INIT_TIMEOUT, "Connection initialisation timeout");
            }
        });
    }

    // ------------------------------------------------------------------ incoming

    private void receive(String text) {
        if (closed) {
            return;
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            close(BAD_REQUEST, "Invalid message: not a JSON object");
            return;
        }
        if (!(message.getValue("type") instanceof String type)) {
            close(BAD_REQUEST, "Invalid message: no \"type\"");
            return;
        }
        switch (type) {
            case "connection_init" -> init(message);
            case "ping" -> {
                if (protocol == Protocol.TRANSPORT) {
                    send(new JsonObject().put("type", "pong"));
                } else {
                    close(BAD_REQUEST, "Unknown message type \"ping\"");
                }
            }
            case "pong" -> {
                if (protocol != Protocol.TRANSPORT) {
                    close(BAD_REQUEST, "Unknown message type \"pong\"");
                }
            }
            case "connection_terminate" -> {
                if (protocol == Protocol.LEGACY) {
                    close((short) 1000, "Terminated by the client");
                } else {
                    close(BAD_REQUEST, "Unknown message type \"connection_terminate\"");
                }
            }
            default -> {
                if (type.equals(protocol.start)) {
                    start(message);
                } else if (type.equals(protocol.stop)) {
                    stop(message);
                } else {
                    close(BAD_REQUEST, "Unknown message type \"" + type + "\"");
                }
            }
        }
    }

    private void init(JsonObject message) {
        if (initReceived) {
            close(TOO_MANY_INITS, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        vertx.cancelTimer(initTimer);
        Object payload = message.getValue("payload");
        if (payload != null && !(payload instanceof JsonObject)) {
            refuseInit("The connection_init payload must be an object");
            return;
        }
        Object authorization = payload == null ? null : authorization((JsonObject) payload);
        if (authorization != null && !(authorization instanceof String)) {
            refuseInit("The connection_init Authorization must be a string (\"Bearer <token>\")");
            return;
        }
        blocking(() -> authenticate((String) authorization), authenticated -> {
            identity = authenticated;
            acknowledged = true;
            send(new JsonObject().put("type", "connection_ack"));
            long keepAlive = server.config().keepAlive().toMillis();
            if (protocol == Protocol.LEGACY && keepAlive > 0) {
                send(new JsonObject().put("type", "ka"));
                keepAliveTimer = vertx.setPeriodic(keepAlive, id -> send(new JsonObject().put("type", "ka")));
            }
        });
    }

    private static Object authorization(JsonObject payload) {
        for (String name : List.of("Authorization", "authorization")) {
            if (payload.containsKey(name)) {
                return payload.getValue(name);
            }
        }
        if (payload.getValue("headers") instanceof JsonObject headers) {
            return authorization(headers);
        }
        return null;
    }

    private void refuseInit(String reason) {
        if (protocol == Protocol.LEGACY) {
            send(new JsonObject().put("type", "connection_error").put("payload", new JsonObject().put("message", reason)));
        }
        close(BAD_REQUEST, reason);
    }

    /**
     * The identity operations on this connection run as, by HTTP's rules: the static editor token, or
     * a JWT verified like a bearer header. Reads need none, so a missing or rejected token leaves the
     * connection anonymous and only a mutation is refused (UNAUTHENTICATED, as over HTTP).
     */
    private SecurityIdentity authenticate(String authorization) {
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        if (token != null && !token.isEmpty()) {
            if (server.editorToken().matches(token)) {
                return EditorTokenAuthMechanism.editorIdentity();
            }
            try {
                return server.identities().authenticateBlocking(
                        new TokenAuthenticationRequest(new JsonWebTokenCredential(token)));
            } catch (RuntimeException rejected) {
                LOG.debug("A WebSocket connection_init carried a token that did not verify; the connection stays anonymous", rejected);
            }
        }
        return server.identities().authenticateBlocking(AnonymousAuthenticationRequest.INSTANCE);
    }

    private void start(JsonObject message) {
        if (!acknowledged) {
            if (protocol == Protocol.LEGACY) {
                send(new JsonObject().put("type", "connection_error")
                        .put("payload", new JsonObject().put("message", "Send connection_init first")));
            }
            close(UNAUTHORIZED, "Unauthorized");
            return;
        }
        if (!(message.getValue("id") instanceof String id) || id.isEmpty()) {
            close(BAD_REQUEST, "Invalid message: \"" + protocol.start + "\" needs a non-empty string id");
            return;
        }
        if (!(message.getValue("payload") instanceof JsonObject payload) || !(payload.getValue("query") instanceof String)
                || (payload.getValue("variables") != null && !(payload.getValue("variables") instanceof JsonObject))
                || (payload.getValue("operationName") != null && !(payload.getValue("operationName") instanceof String))) {
            close(BAD_REQUEST, "Invalid message: the payload needs a string query, and optionally an object of"
                    + " variables and a string operationName");
            return;
        }
        if (operations.containsKey(id)) {
            close(DUPLICATE_ID, "Subscriber for " + id + " already exists");
            return;
        }
        if (operations.size() >= server.config().maxOperations()) {
            sendError(id, "TOO_MANY_OPERATIONS", "This connection already runs " + operations.size()
                    + " operations (diplograph.live.max-operations); complete one first.");
            return;
        }
        Operation operation = new Operation(id);
        operations.put(id, operation);
        blocking(() -> execute(operation, payload), ignored -> {
        });
    }

    private void stop(JsonObject message) {
        if (!(message.getValue("id") instanceof String id)) {
            close(BAD_REQUEST, "Invalid message: \"" + protocol.stop + "\" needs a string id");
            return;
        }
        Operation operation = operations.remove(id);
        if (operation != null) {
            operation.cancel();
            if (protocol == Protocol.LEGACY) {
                send(new JsonObject().put("type", "complete").put("id", id));
            }
        }
    }

    // ------------------------------------------------------------------ execution (worker thread)

    private Void execute(Operation operation, JsonObject payload) {
        String query = payload.getString("query");
        DocumentCheck.Parsed parsed = server.documents().parse(query);
        DocumentCheck.Problem problem = parsed.problem();
        if (problem == null) {
            OperationDefinition definition = DocumentCheck.operation(parsed.document(), payload.getString("operationName"));
            problem = server.documents().limitsAndValidation(parsed.document(), definition);
            operation.fields = rootFields(definition);
        }
        if (problem != null) {
            DocumentCheck.Problem refused = problem;
            context.runOnContext(v -> {
                if (operations.remove(operation.id) != null) {
                    sendError(operation.id, refused.code(), refused.message());
                }
            });
            return null;
        }
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            jakarta.json.JsonObject input = jakarta.json.Json.createReader(new StringReader(payload.encode())).readObject();
            ExecutionService execution = LookupService.get().getInstance(ExecutionService.class).get();
            // As Quarkus's own handlers do: resolvers run on this (worker) thread, and see the upgrade's headers.
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("runBlocking", true);
            metadata.put("httpHeaders", headers);
            execution.executeSync(input, metadata, response -> answer(operation, response));
        } catch (RuntimeException e) {
            LOG.error("A WebSocket operation failed", e);
            context.runOnContext(v -> {
                if (operations.remove(operation.id) != null) {
                    sendError(operation.id, ErrorCodes.INTERNAL_SERVER_ERROR, "The operation failed; see the server log.");
                }
            });
        } finally {
            request.terminate();
        }
        return null;
    }

    private void answer(Operation operation, ExecutionResponse response) {
        ExecutionResult result = response.getExecutionResult();
        if (result.getData() instanceof Publisher<?> stream) {
            @SuppressWarnings("unchecked")
            Publisher<ExecutionResult> events = (Publisher<ExecutionResult>) stream;
            operation.streaming = true;
            events.subscribe(operation);
            return;
        }
        JsonObject json = new JsonObject(response.getExecutionResultAsString());
        context.runOnContext(v -> {
            if (operations.remove(operation.id) == null) {
                return; // cancelled meanwhile
            }
            if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
                JsonArray errors = json.getJsonArray("errors");
                send(new JsonObject().put("type", "error").put("id", operation.id)
                        .put("payload", protocol == Protocol.TRANSPORT ? errors : errors.getJsonObject(0)));
                return;
            }
            send(new JsonObject().put("type", protocol.data).put("id", operation.id).put("payload", json));
            send(new JsonObject().put("type", "complete").put("id", operation.id));
        });
    }

    // ------------------------------------------------------------------ outgoing

    private void send(JsonObject message) {
        if (!closed) {
            socket.writeTextMessage(message.encode());
        }
    }

    private void sendError(String id, String code, String text) {
        JsonObject error = new JsonObject().put("message", text).put("extensions", new JsonObject().put("code", code));
        send(new JsonObject().put("type", "error").put("id", id)
                .put("payload", protocol == Protocol.TRANSPORT ? new JsonArray().add(error) : error));
    }

    /** Runs {@code then} now if the socket can take more, otherwise once it has drained. */
    private void whenWritable(Runnable then) {
        if (socket.writeQueueFull()) {
            waitingForDrain.add(then);
        } else {
            then.run();
        }
    }

    private void drained() {
        List<Runnable> ready = new ArrayList<>(waitingForDrain);
        waitingForDrain.clear();
        ready.forEach(Runnable::run);
    }

    void close(short code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        socket.close(code, reason);
        closed();
    }

    /** Closes with 1001 Going Away, from any thread. */
    void goAway() {
        context.runOnContext(v -> close((short) 1001, "Server shutting down"));
    }

    /**
     * Ends, from any thread, the subscriptions of these fields that may have missed events, with
     * EVENTS_MISSED: the client's cue to query again and subscribe again.
     */
    void missed(Set<String> fields, String why) {
        context.runOnContext(v -> {
            for (Operation operation : List.copyOf(operations.values())) {
                if (operation.streaming && (operation.fields == null || !Collections.disjoint(operation.fields, fields))
                        && operations.remove(operation.id, operation)) {
                    operation.cancel();
                    sendError(operation.id, ErrorCodes.EVENTS_MISSED,
                            why + " Events may have been missed: query again, then subscribe again.");
                }
            }
        });
    }

    /** The names of the fields an operation selects at its root, or null when a fragment selects some. */
    private static Set<String> rootFields(OperationDefinition definition) {
        if (definition == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (Selection<?> selection : definition.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field)) {
                return null;
            }
            names.add(field.getName());
        }
        return names;
    }

    void closed() {
        closed = true;
        vertx.cancelTimer(initTimer);
        if (keepAliveTimer >= 0) {
            vertx.cancelTimer(keepAliveTimer);
        }
        operations.values().forEach(Operation::cancel);
        operations.clear();
        waitingForDrain.clear();
    }

    private <T> void blocking(Callable<T> work, java.util.function.Consumer<T> then) {
        vertx.<T> executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                if (!closed) {
                    then.accept(result.result());
                }
            } else {
                LOG.error("WebSocket work failed", result.cause());
                close((short) 4500, "Internal server error");
            }
        });
    }

    /** One running operation; for a subscription, the subscriber of its event stream. */
    private final class Operation implements Subscriber<ExecutionResult> {
        final String id;
        private volatile Subscription subscription;
        private volatile boolean cancelled;

        /** The root fields it selects; null when a fragment hides them. */
        volatile Set<String> fields;
        /** A subscription whose event stream has been subscribed to. */
        volatile boolean streaming;

        Operation(String id) {
            this.id = id;
        }

        void cancel() {
            cancelled = true;
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(ExecutionResult event) {
            // SmallRye turns a failed event stream into one last result with the error in it.
            boolean slow = event.getErrors().stream().anyMatch(e -> e.getExtensions() != null
                    && ErrorCodes.SLOW_CONSUMER.equals(e.getExtensions().get("code")));
            String payload = slow ? null : new ExecutionResponse(event).getExecutionResultAsString();
            context.runOnContext(v -> {
                if (cancelled || closed) {
                    return;
                }
                if (slow) {
                    dropSlowConsumer();
                    return;
                }
                socket.writeTextMessage("{\"type\":\"" + protocol.data + "\",\"id\":" + Json.encode(id)
                        + ",\"payload\":" + payload + "}");
                // Ask for the next event only when the socket can take it: a client that stops
                // reading leaves the events in this subscription's bounded buffer.
                whenWritable(() -> {
                    if (!cancelled) {
                        subscription.request(1);
                    }
                });
            });
        }

        @Override
        public void onError(Throwable failure) {
            context.runOnContext(v -> {
                if (cancelled || closed) {
                    return;
                }
                if (isSlowConsumer(failure)) {
                    dropSlowConsumer();
                    return;
                }
                LOG.error("A subscription failed", failure);
                operations.remove(id);
                sendError(id, ErrorCodes.INTERNAL_SERVER_ERROR, "The subscription failed; see the server log.");
            });
        }

        @Override
        public void onComplete() {
            context.runOnContext(v -> {
                if (operations.remove(id) != null && !closed) {
                    send(new JsonObject().put("type", "complete").put("id", id));
                }
            });
        }
    }

    private void dropSlowConsumer() {
        server.slowConsumers.increment();
        close(SLOW_CONSUMER, "Slow consumer: more than " + server.config().bufferSize() + " events waiting");
    }

    private static boolean isSlowConsumer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SlowConsumerException) {
                return true;
            }
        }
        return false;
    }
}
