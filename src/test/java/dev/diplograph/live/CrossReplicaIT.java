package dev.diplograph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQLWs;
import dev.diplograph.support.PackagedService;
import io.vertx.core.json.JsonObject;

/**
 * Two replicas of the packaged service on one PostgreSQL: a subscriber on replica A hears a write
 * made on replica B (through LISTEN/NOTIFY), and only once it committed.
 */
class CrossReplicaIT {

    static final String TOKEN = "cross-replica-token";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @Test
    void aSubscriberOnOneReplicaHearsAWriteCommittedOnAnother() throws Exception {
        Assumptions.assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null,
                "needs PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL); with the embedded H2 file there is one replica");
        Map<String, String> env = Map.of("DIPLOGRAPH_EDITOR_TOKEN", TOKEN, "QUARKUS_SHUTDOWN_DELAY", "0s");
        try (PackagedService a = PackagedService.start(dataDir.resolve("a"), dataDir.resolve("a.log"), env);
                PackagedService b = PackagedService.start(dataDir.resolve("b"), dataDir.resolve("b.log"), env);
                GraphQLWs onA = GraphQLWs.connect(URI.create(a.url("/graphql")), "graphql-transport-ws").init(null);
                GraphQLWs onB = GraphQLWs.connect(URI.create(b.url("/graphql")), "graphql-ws")) {
            onB.send(new JsonObject().put("type", "connection_init"));
            assertEquals("connection_ack", onB.next(WAIT).getString("type"));
            post(b, """
                    mutation {
                      c1: upsertCountry(input: {code: "YA", name: "Replica A"}) { code }
                      c2: upsertCountry(input: {code: "YB", name: "Replica B"}) { code }
                      src: upsertSource(input: {key: "xr-source", outlet: "Replica Wire"}) { key }
                      l: upsertLeader(input: {slug: "xr-leader", name: "Xr Leader", office: "President", country: "YA"}) { slug }
                    }""");
            onA.send(new JsonObject().put("type", "subscribe").put("id", "a").put("payload", new JsonObject()
                    .put("query", "subscription { statementAdded(filter: {speaker: \"xr-leader\"}) { key speaker { name } } }")));
            onB.send(new JsonObject().put("type", "start").put("id", "b").put("payload", new JsonObject()
                    .put("query", "subscription { visitChanged(hostCountry: \"YB\") { change key } }")));
            awaitSubscriptions(a);
            awaitSubscriptions(b);

            // A write on B that rolls back (unknown sector) publishes nothing anywhere.
            String refused = post(b, """
                    mutation { upsertStatement(input: {key: "xr-lost", speaker: "xr-leader", text: "Lost.", kind: DIRECT,
                      source: "xr-source", sectors: ["xr-nowhere"]}) { key } }""");
            assertTrue(refused.contains("BAD_USER_INPUT"), refused);
            post(b, """
                    mutation { upsertStatement(input: {key: "xr-heard", speaker: "xr-leader", text: "Heard on A.", kind: DIRECT,
                      source: "xr-source"}) { key } }""");
            JsonObject event = onA.next(WAIT);
            assertNotNull(event, "replica A heard nothing of replica B's write:\n" + a.log());
            assertEquals("next", event.getString("type"), event::encode);
            JsonObject added = event.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded");
            assertEquals("xr-heard", added.getString("key"));
            assertEquals("Xr Leader", added.getJsonObject("speaker").getString("name"));
            assertNull(onA.next(Duration.ofMillis(700)));

            // And the other way round: a visit written on A reaches a graphql-ws subscriber on B.
            post(a, """
                    mutation { upsertVisit(input: {key: "xr-visit", leader: "xr-leader", hostCountry: "YB",
                      startDate: "2031-05-01"}) { key } }""");
            JsonObject visit = onB.nextSkippingKeepAlive(WAIT);
            assertNotNull(visit, "replica B heard nothing of replica A's write:\n" + b.log());
            assertEquals("data", visit.getString("type"), visit::encode);
            assertEquals("CREATED", visit.getJsonObject("payload").getJsonObject("data").getJsonObject("visitChanged")
                    .getString("change"));
        }
    }

    /** Waits until the replica has registered a subscription (the protocol has no acknowledgement). */
    static void awaitSubscriptions(PackagedService service) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = service.send(HttpRequest.newBuilder(URI.create(service.url("/q/metrics")))).body();
            if (metrics.lines().anyMatch(l -> l.startsWith("diplograph_live_subscriptions_started_total ")
                    && Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim()) >= 1)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no subscription registered on " + service.url("/") + ":\n" + service.log());
    }

    static String post(PackagedService service, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url("/graphql")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("query", query).encode()));
        HttpResponse<String> response = service.send(request);
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }
}
