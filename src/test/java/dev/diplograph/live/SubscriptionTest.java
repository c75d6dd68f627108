package dev.diplograph.live;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.GraphQLWs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

    /** Open subscriptions on the server (the protocol has no "subscribed" acknowledgement). */
    static int liveSubscriptions() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("diplograph_live_subscriptions ")) {
                return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no diplograph_live_subscriptions gauge");
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
}
