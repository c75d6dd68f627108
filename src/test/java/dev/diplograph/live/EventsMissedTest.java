package dev.diplograph.live;

import static dev.diplograph.live.SubscriptionTest.WAIT;
import static dev.diplograph.live.SubscriptionTest.subscribe;
import static dev.diplograph.live.SubscriptionTest.subscribeAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQLWs;
import dev.diplograph.support.SmallPool;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * A subscriber is never left with a silent gap: events that cannot be delivered end its subscription
 * with EVENTS_MISSED, and a database that comes back during the retries delivers them.
 */
@QuarkusTest
@TestProfile(SmallPool.class)
class EventsMissedTest {

    private static final String STATEMENTS = "subscription { statementAdded { key } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Database database;

    @Inject
    ChangeFeed feed;

    private long statementId;

    @BeforeEach
    void anyStatement() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT MIN(id) FROM statement")) {
            rs.next();
            statementId = rs.getLong(1);
        }
    }

    @Test
    void eventsThatCannotBeReadEndTheSubscriptionWithEventsMissed() throws Exception {
        try (GraphQLWs ws = subscriber("1", STATEMENTS)) {
            try (SmallPool.Taken taken = SmallPool.takeEveryConnection(database.dataSource())) {
                offerUnreadableStatement();
                assertEventsMissed(ws.next(WAIT.multipliedBy(2)), "could not be read");
            }
            assertTrue(ws.next(SubscriptionTest.QUIET) == null, "a message after the error, which ends the operation");
        }
    }

    @Test
    void aConnectionThatComesFreeDuringTheRetriesDeliversTheEvent() throws Exception {
        try (GraphQLWs ws = subscriber("1", STATEMENTS)) {
            try (SmallPool.Taken taken = SmallPool.takeEveryConnection(database.dataSource())) {
                offerUnreadableStatement();
                // Longer than one wait for a connection (1 s in this profile): the first read fails.
                Thread.sleep(1_200);
            }
            JsonObject next = ws.next(WAIT);
            assertNotNull(next, "the event was not delivered");
            assertEquals("next", next.getString("type"));
            assertTrue(next.getJsonObject("payload").getJsonArray("errors") == null, next::encode);
            assertNotNull(next.getJsonObject("payload").getJsonObject("data").getJsonObject("statementAdded"));
        }
    }

    @Test
    void aFullDispatcherQueueEndsEverySubscription() throws Exception {
        try (GraphQLWs ws = subscriber("1", STATEMENTS)) {
            subscribeAndWait(ws, subscribe("2", "subscription { visitChanged { key } }"));
            try (SmallPool.Taken taken = SmallPool.takeEveryConnection(database.dataSource())) {
                // The dispatcher takes this one (and up to 100 batches queued behind it) and waits for a
                // connection; the queue behind it fills up.
                offerUnreadableStatement();
                for (int i = 0; i <= ChangeFeed.QUEUE + 100; i++) {
                    feed.offer(new ChangeBatch(List.of(), List.of(), ChangeBatch.nowMicros()));
                }
                JsonObject first = ws.next(WAIT);
                JsonObject second = ws.next(WAIT);
                assertEventsMissed(first, "too far behind");
                assertEventsMissed(second, "too far behind");
                assertEquals(Set.of("1", "2"), Set.of(first.getString("id"), second.getString("id")));
            }
        }
    }

    /** PostgreSQL only: the replica's LISTEN connection is cut, as a database restart or a network failure would. */
    @Test
    void aLostListenConnectionEndsTheSubscriptions() throws Exception {
        assumeTrue(database.kind() == Database.Kind.POSTGRESQL, "cross-replica delivery runs on PostgreSQL only");
        try (GraphQLWs ws = subscriber("1", STATEMENTS)) {
            try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
                    ResultSet cut = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE query = 'LISTEN " + ChangeFeed.CHANNEL + "' AND pid <> pg_backend_pid()")) {
                assertTrue(cut.next(), "no LISTEN connection found");
            }
            assertEventsMissed(ws.next(WAIT), "lost its connection");
        }
    }

    /** The protocol's error message, which ends the operation, with the code and a message that says what to do. */
    private static void assertEventsMissed(JsonObject message, String why) {
        assertNotNull(message, "the subscriber was not told");
        assertEquals("error", message.getString("type"), message::encode);
        JsonObject error = message.getJsonArray("payload").getJsonObject(0);
        assertEquals("EVENTS_MISSED", error.getJsonObject("extensions").getString("code"), message::encode);
        assertTrue(error.getString("message").contains(why), message::encode);
        assertTrue(error.getString("message").contains("subscribe again"), message::encode);
    }

    /** A WebSocket client whose subscription the server has registered. */
    private GraphQLWs subscriber(String id, String subscription) {
        GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null);
        subscribeAndWait(ws, subscribe(id, subscription));
        return ws;
    }

    /**
     * Hands the dispatcher what a committed write would (an existing statement), after the id was read:
     * with every connection taken, the dispatcher cannot read the statement.
     */
    private void offerUnreadableStatement() {
        feed.offer(new ChangeBatch(List.of(statementId), List.of(), ChangeBatch.nowMicros()));
    }
}
