package dev.diplograph.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.GraphQLWs;
import dev.diplograph.support.RawWebSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Subscriptions end to end over a real WebSocket, in both protocols: filters, commit order,
 * rolled-back writes, visit changes, authentication in connection_init and protocol errors. Each
 * test writes records under its own prefix, so tests stay independent of each other.
 */
@QuarkusTest
class SubscriptionTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URI graphql;

    /** Two countries, two leaders, a source and two sectors under the prefix. */
    static void base(String p, String countryA, String countryB) {
        GraphQL.asEditor("""
                mutation {
                  a: upsertCountry(input: {code: "%2$s", name: "%1$s A"}) { code }
                  b: upsertCountry(input: {code: "%3$s", name: "%1$s B"}) { code }
                  s1: upsertSector(input: {slug: "%1$s-energy", name: "%1$s energy", keywords: ["%1$s"]}) { slug }
                  s2: upsertSector(input: {slug: "%1$s-trade", name: "%1$s trade", keywords: ["%1$s"]}) { slug }
                  src: upsertSource(input: {key: "%1$s-source", outlet: "%1$s Wire", publishedOn: "2030-01-01"}) { key }
                  l1: upsertLeader(input: {slug: "%1$s-one", name: "%1$s One", office: "President", country: "%2$s"}) { slug }
                  l2: upsertLeader(input: {slug: "%1$s-two", name: "%1$s Two", office: "President", country: "%3$s"}) { slug }
                }""".formatted(p, countryA, countryB)).body("errors", nullValue());
    }

    static void statement(String p, String key, String speaker, String sector, String text) {
        GraphQL.asEditor("""
                mutation($key: String!, $speaker: String!, $sector: String!, $text: String!) {
                  upsertStatement(input: {key: $key, speaker: $speaker, text: $text, kind: DIRECT,
                    source: "%s-source", sectors: [$sector]}) { key } }""".formatted(p),
                Map.of("key", key, "speaker", speaker, "sector", sector, "text", text)).body("errors", nullValue());
    }

    static JsonObject subscribe(String id, String query) {
        return new JsonObject().put("type", "subscribe").put("id", id).put("payload", new JsonObject().put("query", query));
    }

    /**
     * Subscriptions the server has registered so far (the protocol has no "subscribed"
     * acknowledgement); a counter, so subscriptions that other tests close meanwhile do not matter.
     */
    static int liveSubscriptions() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("diplograph_live_subscriptions_started_total ")) {
                return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no diplograph_live_subscriptions_started_total counter");
    }

    /** Sends the subscription and waits until the server has registered it. */
    static void subscribeAndWait(GraphQLWs ws, JsonObject subscribe) {
        int before = liveSubscriptions();
        ws.send(subscribe);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (liveSubscriptions() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the subscription was not registered: " + ws.next(Duration.ZERO));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void statementAddedDeliversMatchingStatementsInCommitOrder() {
        base("sa", "XA", "XB");
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            assertEquals("graphql-transport-ws", ws.subprotocol());
            subscribeAndWait(ws, subscribe("1", """
                    subscription { statementAdded(filter: {speaker: "sa-one", sector: "sa-energy", text: "solar grid"}) {
                      key text speaker { slug } sectors { slug } } }"""));
            statement("sa", "sa-1", "sa-one", "sa-energy", "The solar grid will grow.");
            statement("sa", "sa-2", "sa-two", "sa-energy", "The solar grid will grow too."); // other speaker
            statement("sa", "sa-3", "sa-one", "sa-trade", "The solar grid trade."); // other sector
            statement("sa", "sa-4", "sa-one", "sa-energy", "Wind only."); // other words
            statement("sa", "sa-5", "sa-one", "sa-energy", "Grid and SOLAR, in any order.");
            JsonObject first = ws.next(WAIT);
            assertNotNull(first, "no event");
            assertEquals("next", first.getString("type"));
            assertEquals("1", first.getString("id"));
            JsonObject added = first.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded");
            assertEquals("sa-1", added.getString("key"));
            assertEquals("sa-one", added.getJsonObject("speaker").getString("slug"));
            assertEquals("sa-energy", added.getJsonArray("sectors").getJsonObject(0).getString("slug"));
            JsonObject second = ws.next(WAIT);
            assertNotNull(second, "no second event");
            assertEquals("sa-5", second.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded")
                    .getString("key"));
            assertNull(ws.next(QUIET), "an event that does not match the filter was delivered");
            ws.send(new JsonObject().put("type", "complete").put("id", "1"));
            statement("sa", "sa-6", "sa-one", "sa-energy", "solar grid after complete");
            assertNull(ws.next(QUIET), "an event came after the client completed the subscription");
        }
    }

    @Test
    void statementAddedFiltersByProject() {
        base("pj", "XP", "XQ");
        GraphQL.asEditor("""
                mutation {
                  p: upsertProject(input: {key: "pj-plant", name: "pj plant", sector: "pj-energy"}) { key }
                  q: upsertProject(input: {key: "pj-line", name: "pj line", sector: "pj-energy"}) { key }
                }""").body("errors", nullValue());
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("pj", """
                    subscription { statementAdded(filter: {project: "pj-plant"}) { key projects { key } } }"""));
            for (String[] statement : new String[][] {{"pj-untagged", "[]"}, {"pj-other", "[\"pj-line\"]"},
                    {"pj-tagged", "[\"pj-line\", \"pj-plant\"]"}}) {
                GraphQL.asEditor("""
                        mutation { upsertStatement(input: {key: "%s", speaker: "pj-one", text: "The plant.", kind: DIRECT,
                          source: "pj-source", sectors: ["pj-energy"], projects: %s}) { key } }"""
                        .formatted(statement[0], statement[1])).body("errors", nullValue());
            }
            JsonObject event = ws.next(WAIT);
            assertEquals("pj-tagged", addedKey(event));
            assertEquals(2, event.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded")
                    .getJsonArray("projects").size());
            assertNull(ws.next(QUIET), "a statement without the project was delivered");
        }
    }

    @Test
    void statementAddedFiltersBySource() {
        deliversOnlyTheOtherSourcesStatement("so", "XS", "XT", "{source: \"so-other\"}");
    }

    @Test
    void statementAddedFiltersByOutletInAnyCase() {
        deliversOnlyTheOtherSourcesStatement("ou", "XO", "XU", "{outlet: \"OU HERALD\"}");
    }

    /**
     * Subscribes with {@code filter}, then writes one statement from the base's source and one from a
     * second source, "{p}-other" of the outlet "{P} Herald", and expects only the second.
     */
    void deliversOnlyTheOtherSourcesStatement(String p, String countryA, String countryB, String filter) {
        base(p, countryA, countryB);
        String outlet = Character.toUpperCase(p.charAt(0)) + p.substring(1) + " Herald";
        GraphQL.asEditor("""
                mutation { upsertSource(input: {key: "%s-other", outlet: "%s", publishedOn: "2030-01-02"}) { key } }"""
                .formatted(p, outlet)).body("errors", nullValue());
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe(p, """
                    subscription { statementAdded(filter: %s) { key source { key outlet } } }""".formatted(filter)));
            for (String source : List.of("source", "other")) {
                GraphQL.asEditor("""
                        mutation { upsertStatement(input: {key: "%1$s-%2$s", speaker: "%1$s-one", text: "The line.",
                          kind: DIRECT, source: "%1$s-%2$s", sectors: ["%1$s-energy"]}) { key } }""".formatted(p, source))
                        .body("errors", nullValue());
            }
            JsonObject event = ws.next(WAIT);
            assertEquals(p + "-other", addedKey(event));
            assertEquals(outlet, event.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded")
                    .getJsonObject("source").getString("outlet"));
            assertNull(ws.next(QUIET), "a statement from another source or outlet was delivered");
        }
    }

    static ValidatableResponse importDataset(String body) {
        return given().contentType("application/json").header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN)
                .body(body).when().post("/api/datasets").then();
    }

    static String addedKey(JsonObject message) {
        assertNotNull(message, "no event");
        assertEquals("next", message.getString("type"), () -> "not an event: " + message);
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded").getString("key");
    }

    @Test
    void aRolledBackWriteIsNeverPublished() {
        base("rb", "XC", "XD");
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("rb", "subscription { statementAdded(filter: {sector: \"rb-energy\"}) { key } }"));
            // The first statement is written before the second one's unknown speaker fails the import.
            importDataset("""
                    {"format": "visits-dataset/1", "statements": [
                      {"key": "rb-lost-1", "speaker": "rb-one", "kind": "DIRECT", "text": "Rolled back.", "source": "rb-source",
                       "sectors": ["rb-energy"]},
                      {"key": "rb-lost-2", "speaker": "rb-nobody", "kind": "DIRECT", "text": "Unknown speaker.",
                       "source": "rb-source", "sectors": ["rb-energy"]}]}""").statusCode(422);
            GraphQL.asEditor("mutation { upsertStatement(input: {key: \"rb-bad\", speaker: \"rb-one\", text: \"x\","
                    + " kind: DIRECT, source: \"rb-source\", sectors: [\"rb-energy\", \"rb-missing\"]}) { key } }")
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
            statement("rb", "rb-kept", "rb-one", "rb-energy", "Committed.");
            assertEquals("rb-kept", addedKey(ws.next(WAIT)), "an event of a rolled-back write came first");
            assertNull(ws.next(QUIET));
        }
    }

    @Test
    void aBurstOfAThousandWritesReachesAFastSubscriberCompleteAndInOrder() throws Exception {
        base("bu", "XE", "XF");
        int writers = 4;
        int each = 250;
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("b", "subscription { statementAdded(filter: {speaker: \"bu-one\"}) { key } }"));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        statement("bu", "bu-%d-%03d".formatted(writer, i), "bu-one", "bu-energy", "Burst " + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            Map<Integer, Integer> lastPerWriter = new HashMap<>();
            Set<String> keys = new HashSet<>();
            for (int n = 0; n < writers * each; n++) {
                String key = addedKey(ws.next(WAIT));
                assertTrue(keys.add(key), "delivered twice: " + key);
                String[] parts = key.split("-");
                int writer = Integer.parseInt(parts[1]);
                int seq = Integer.parseInt(parts[2]);
                // One writer's statements commit one after the other, so they must arrive in that order.
                assertTrue(seq > lastPerWriter.getOrDefault(writer, -1), "out of commit order: " + key);
                lastPerWriter.put(writer, seq);
            }
            assertEquals(writers * each, keys.size());
            assertNull(ws.next(QUIET));
        }
    }

    @Test
    void visitChangedReportsCreatesUpdatesAndDeletesOfTheChosenLeader() {
        base("vc", "XG", "XH");
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("v", """
                    subscription { visitChanged(leader: "vc-one", hostCountry: "xh") {
                      change key leader hostCountry visit { key title sectors { status sector { slug } } } } }"""));
            GraphQL.asEditor("""
                    mutation {
                      other: upsertVisit(input: {key: "vc-other", leader: "vc-two", hostCountry: "XG", startDate: "2030-01-02"}) { key }
                      mine: upsertVisit(input: {key: "vc-mine", leader: "vc-one", hostCountry: "XH", startDate: "2030-01-03",
                        title: "First"}) { key }
                    }""").body("errors", nullValue());
            GraphQL.asEditor("mutation { setCooperationArea(visit: \"vc-mine\", input: {sector: \"vc-energy\", status: AGREED}) { status } }")
                    .body("errors", nullValue());
            GraphQL.asEditor("mutation { deleteVisit(key: \"vc-mine\") { deleted } }").body("errors", nullValue());
            JsonObject created = visitChange(ws.next(WAIT));
            assertEquals("CREATED", created.getString("change"));
            assertEquals("vc-mine", created.getString("key"));
            assertEquals("XH", created.getString("hostCountry"));
            assertEquals("First", created.getJsonObject("visit").getString("title"));
            JsonObject updated = visitChange(ws.next(WAIT));
            assertEquals("UPDATED", updated.getString("change"));
            assertEquals("AGREED", updated.getJsonObject("visit").getJsonArray("sectors").getJsonObject(0).getString("status"));
            JsonObject deleted = visitChange(ws.next(WAIT));
            assertEquals("DELETED", deleted.getString("change"));
            assertEquals("vc-one", deleted.getString("leader"));
            assertNull(deleted.getValue("visit"));
            assertNull(ws.next(QUIET), "another leader's visit was delivered");
        }
    }

    static JsonObject visitChange(JsonObject message) {
        assertNotNull(message, "no event");
        assertEquals("next", message.getString("type"), () -> "not an event: " + message);
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("visitChanged");
    }

    @Test
    void theOlderGraphqlWsProtocolWorksToo() {
        base("lg", "XI", "XJ");
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-ws")) {
            assertEquals("graphql-ws", ws.subprotocol());
            ws.send(new JsonObject().put("type", "connection_init").put("payload", new JsonObject()));
            assertEquals("connection_ack", ws.next(WAIT).getString("type"));
            assertEquals("ka", ws.next(WAIT).getString("type"));
            subscribeAndWait(ws, new JsonObject().put("type", "start").put("id", "7").put("payload",
                    new JsonObject().put("query", "subscription { statementAdded(filter: {speaker: \"lg-one\"}) { key } }")));
            statement("lg", "lg-1", "lg-one", "lg-energy", "Legacy clients hear it too.");
            JsonObject data = ws.nextSkippingKeepAlive(WAIT);
            assertEquals("data", data.getString("type"));
            assertEquals("7", data.getString("id"));
            assertEquals("lg-1", data.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded")
                    .getString("key"));
            ws.send(new JsonObject().put("type", "stop").put("id", "7"));
            JsonObject complete = ws.nextSkippingKeepAlive(WAIT);
            assertEquals("complete", complete.getString("type"));
            ws.send(new JsonObject().put("type", "start").put("id", "8").put("payload",
                    new JsonObject().put("query", "{ leader(slug: \"lg-one\") { name } }")));
            JsonObject answer = ws.nextSkippingKeepAlive(WAIT);
            assertEquals("data", answer.getString("type"));
            assertEquals("lg One", answer.getJsonObject("payload").getJsonObject("data").getJsonObject("leader").getString("name"));
            assertEquals("complete", ws.nextSkippingKeepAlive(WAIT).getString("type"));
        }
    }

    @Test
    void badConnectionInitsAreRefusedWithTheProtocolsCloseCodes() {
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")) {
            ws.sendText("{\"type\": \"connection_init\", \"payload\": \"not an object\"}");
            GraphQLWs.Close close = ws.awaitClose(WAIT);
            assertNotNull(close, "stayed open");
            assertEquals(4400, close.code());
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")) {
            ws.sendText("{\"type\": \"connection_init\", \"payload\": {\"Authorization\": 42}}");
            assertEquals(4400, ws.awaitClose(WAIT).code());
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")) {
            ws.sendText("this is not JSON");
            assertEquals(4400, ws.awaitClose(WAIT).code());
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")) {
            ws.send(subscribe("early", "subscription { statementAdded { key } }"));
            assertEquals(4401, ws.awaitClose(WAIT).code(), "subscribe before connection_init");
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            ws.send(new JsonObject().put("type", "connection_init"));
            assertEquals(4429, ws.awaitClose(WAIT).code(), "a second connection_init");
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            ws.send(subscribe("same", "subscription { statementAdded { key } }"));
            ws.send(subscribe("same", "subscription { statementAdded { key } }"));
            assertEquals(4409, ws.awaitClose(WAIT).code(), "a duplicate operation id");
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "no-such-protocol")) {
            assertEquals(4406, ws.awaitClose(WAIT).code(), "an unknown subprotocol");
        }
        // The service still answers normally afterwards.
        GraphQL.post("{ sectors { slug } }").body("errors", nullValue());
    }

    @Test
    void connectionInitCarriesTheSameCredentialsAsHttp() {
        base("au", "XK", "XL");
        String mutation = "mutation { upsertSector(input: {slug: \"au-ws\", name: \"Over WebSocket\", keywords: [\"ws\"]}) { slug } }";
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            ws.send(subscribe("m", mutation));
            JsonObject refused = answer(ws);
            assertEquals("UNAUTHENTICATED", firstErrorCode(refused), refused::encode);
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")
                .init(new JsonObject().put("Authorization", "Bearer not-a-valid-token"))) {
            ws.send(subscribe("m", mutation));
            assertEquals("UNAUTHENTICATED", firstErrorCode(answer(ws)));
            // Reads stay public, whatever the token.
            ws.send(subscribe("q", "{ leader(slug: \"au-one\") { slug } }"));
            JsonObject read = answer(ws);
            assertEquals("next", read.getString("type"), read::encode);
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")
                .init(new JsonObject().put("Authorization", "Bearer " + GraphQL.jwt("reader", Set.of("reader"))))) {
            ws.send(subscribe("m", mutation));
            assertEquals("FORBIDDEN", firstErrorCode(answer(ws)));
        }
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws")
                .init(new JsonObject().put("Authorization", "Bearer " + GraphQL.jwt("editor", Set.of("editor"))))) {
            ws.send(subscribe("m", mutation));
            JsonObject next = answer(ws);
            assertEquals("next", next.getString("type"), next::encode);
            assertEquals("au-ws", next.getJsonObject("payload").getJsonObject("data").getJsonObject("upsertSector").getString("slug"));
        }
    }

    @Test
    void aMessageAsLargeAsAnHttpBodyMayBeSentOverTheSocket() throws IOException {
        // An article for ingestArticle may hold 200,000 characters; with Vert.x's default frame limit
        // (64 KiB) such a message, sent as one frame as browsers do, cut the connection without a close
        // frame. The socket now takes what POST /graphql takes (1 MiB).
        String article = "\"We will work together,\" Lee said. ".repeat(4_000); // 148,000 characters
        JsonObject subscribe = new JsonObject().put("id", "big").put("type", "subscribe").put("payload", new JsonObject()
                .put("query", "mutation($t: String!) { ingestArticle(input: {text: $t, source: {outlet: \"Wire\"},"
                        + " dryRun: true}) { created } }")
                .put("variables", new JsonObject().put("t", article)));
        try (RawWebSocket ws = RawWebSocket.connect(graphql, "graphql-transport-ws")) {
            ws.send(new JsonObject().put("type", "connection_init").encode());
            assertEquals("connection_ack", new JsonObject(ws.next()).getString("type"));
            ws.send(subscribe.encode());
            String answer = ws.next();
            assertTrue(answer.startsWith("{"), "the connection ended instead: " + answer);
            // anonymous: the message arrived whole and was read, up to the credential check
            assertEquals("UNAUTHENTICATED", firstErrorCode(new JsonObject(answer)), answer);
            assertEquals("complete", new JsonObject(ws.next()).getString("type"));
        }
    }

    /** The answer to a query or mutation: its next message, after which a complete must follow. */
    static JsonObject answer(GraphQLWs ws) {
        JsonObject message = ws.next(WAIT);
        assertNotNull(message, "no answer");
        if ("next".equals(message.getString("type"))) {
            JsonObject complete = ws.next(WAIT);
            assertNotNull(complete, "no complete after the answer");
            assertEquals("complete", complete.getString("type"));
        }
        return message;
    }

    static String firstErrorCode(JsonObject message) {
        assertNotNull(message, "no answer");
        Object payload = message.getValue("payload");
        JsonArray errors = payload instanceof JsonArray array ? array : ((JsonObject) payload).getJsonArray("errors");
        assertNotNull(errors, () -> "no errors in " + message);
        return errors.getJsonObject(0).getJsonObject("extensions").getString("code");
    }

    @Test
    void documentsOverWebSocketMeetTheSameLimitsAsOverHttp() {
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            String deepQuery = "subscription { statementAdded { " + "visit { leader { visits { ".repeat(6) + "key"
                    + " } } }".repeat(6) + " } }";
            ws.send(subscribe("deep", deepQuery));
            JsonObject deep = ws.next(WAIT);
            assertEquals("error", deep.getString("type"));
            assertEquals("QUERY_TOO_DEEP", firstErrorCode(deep));
            ws.send(subscribe("text", "subscription { statementAdded(filter: {text: \"  \"}) { key } }"));
            JsonObject text = answer(ws);
            assertEquals("BAD_USER_INPUT", firstErrorCode(text), text::encode);
            ws.send(subscribe("unknown", "subscription { statementAdded { nope } }"));
            assertEquals("GRAPHQL_VALIDATION_FAILED", firstErrorCode(ws.next(WAIT)));
        }
    }
}
