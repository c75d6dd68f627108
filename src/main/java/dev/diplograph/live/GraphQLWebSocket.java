package dev.diplograph.live;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.graphql.DocumentCheck;
import dev.diplograph.security.EditorToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket on {@code /graphql}, in both protocols clients speak: graphql-transport-ws
 * (the graphql-ws library) and the older graphql-ws (subscriptions-transport-ws). It replaces
 * SmallRye's handler so that every connection has bounded buffers, drops slow consumers with a close
 * code, and runs documents through the same abuse limits as HTTP.
 */
@ApplicationScoped
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
public class GraphQLWebSocket {

    private static final Logger LOG = Logger.getLogger(GraphQLWebSocket.class);

    private final DiplographConfig.Live config;
    private final DocumentCheck documents;
    private final EditorToken editorToken;
    private final IdentityProviderManager identities;
    private final MeterRegistry metrics;
    Counter slowConsumers;
    private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();

    public GraphQLWebSocket(DiplographConfig config, DocumentCheck documents, EditorToken editorToken,
            IdentityProviderManager identities, MeterRegistry metrics, ChangeFeed feed) {
        feed.onGap((fields, why) -> open.forEach(connection -> connection.missed(fields, why)));
        this.config = config.live();
        this.documents = documents;
        this.editorToken = editorToken;
        this.identities = identities;
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        slowConsumers = Counter.builder("diplograph_live_slow_consumers_dropped")
                .description("WebSocket connections closed because a subscription fell too far behind").register(metrics);
        // Before the HTTP gate (and SmallRye's own WebSocket handler): only upgrade requests stop here.
        router.route("/graphql").order(Integer.MIN_VALUE).handler(this::upgrade);
    }

    private void upgrade(RoutingContext context) {
        HttpServerRequest request = context.request();
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            context.next();
            return;
        }
        QuarkusRequestWrapper tracked = QuarkusRequestWrapper.get(request);
        request.toWebSocket().onSuccess(socket -> {
            LiveConnection.Protocol protocol = LiveConnection.Protocol.of(socket.subProtocol());
            if (protocol == null) {
                // Refused sockets count as finished requests too, or every shutdown would wait for them.
                socket.closeHandler(v -> requestDone(tracked));
                socket.close((short) 4406, "Subprotocol not acceptable: use graphql-transport-ws or graphql-ws");
                return;
            }
            LiveConnection connection = new LiveConnection(socket, protocol, this);
            open.add(connection);
            socket.closeHandler(v -> {
                open.remove(connection);
                connection.closed();
                requestDone(tracked);
            });
            connection.open();
        }).onFailure(e -> LOG.debug("WebSocket upgrade failed", e));
    }

    /**
     * When shutdown starts (readiness is already down), tells every client to go elsewhere (1001
     * Going Away; the graphql-ws client reconnects), so no open socket holds the shutdown up.
     */
    void goingAway(@Observes ShutdownDelayInitiatedEvent event) {
        closeAll();
    }

    void stopping(@Observes ShutdownEvent event) {
        closeAll();
    }

    private void closeAll() {
        for (LiveConnection connection : List.copyOf(open)) {
            connection.goAway();
        }
    }

    /**
     * Quarkus counts an upgraded request as running until its response ends, which never happens
     * for a WebSocket, so every shutdown would wait the full quarkus.shutdown.timeout. When the
     * socket closes, the request is done: say so (the method is not public, hence reflection).
     */
    private static void requestDone(QuarkusRequestWrapper request) {
        if (request == null) {
            return;
        }
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            done.invoke(request);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Could not mark a closed WebSocket's request as done; shutdown may wait for it", e);
        }
    }

    DiplographConfig.Live config() {
        return config;
    }

    DocumentCheck documents() {
        return documents;
    }

    EditorToken editorToken() {
        return editorToken;
    }

    IdentityProviderManager identities() {
        return identities;
    }
}
