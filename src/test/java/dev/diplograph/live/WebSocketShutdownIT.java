package dev.diplograph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQLWs;
import dev.diplograph.support.PackagedService;
import io.vertx.core.json.JsonObject;

/**
 * A stopping service does not wait out quarkus.shutdown.timeout for WebSockets: sockets it refused
 * or that clients closed count as finished requests, and open ones are told to go away (1001).
 */
class WebSocketShutdownIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @Test
    void refusedClosedAndOpenSocketsDoNotHoldTheShutdownUp() throws Exception {
        Path log = dataDir.resolve("service.log");
        PackagedService service = PackagedService.start(dataDir.resolve("data"), log,
                Map.of("DIPLOGRAPH_EDITOR_TOKEN", "shutdown-token", "QUARKUS_SHUTDOWN_DELAY", "0s"));
        try (service) {
            URI graphql = URI.create(service.url("/graphql"));
            try (GraphQLWs refused = GraphQLWs.connect(graphql, "no-such-protocol")) {
                GraphQLWs.Close close = refused.awaitClose(WAIT);
                assertNotNull(close, "an unknown subprotocol was not refused");
                assertEquals(4406, close.code());
            }
            try (GraphQLWs done = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
                done.send(new JsonObject().put("type", "ping"));
                assertEquals("pong", done.next(WAIT).getString("type"));
            }
            try (GraphQLWs open = GraphQLWs.connect(graphql, "graphql-ws")) {
                open.send(new JsonObject().put("type", "connection_init"));
                assertEquals("connection_ack", open.next(WAIT).getString("type"));
                open.send(new JsonObject().put("type", "start").put("id", "s").put("payload",
                        new JsonObject().put("query", "subscription { statementAdded { key } }")));

                service.assertStopsGracefully("a request that never ended");
                GraphQLWs.Close away = open.awaitClose(WAIT);
                assertNotNull(away, "the open socket was not closed");
                assertEquals(1001, away.code(), "an open socket is told to go away");
            }
        }
    }
}
