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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

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

    @Test
    void eventsThatCannotBeReadEndTheSubscriptionWithEventsMissed() throws Exception {
        long statement = anyStatementId();
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("1", STATEMENTS));
            List<Connection> held = takeEveryConnection();
            try {
                // What a committed write hands the dispatcher; no connection is free to read the statement.
                feed.offer(new ChangeBatch(List.of(statement), List.of(), ChangeBatch.nowMicros()));
                assertEventsMissed(ws.next(WAIT.multipliedBy(2)), "could not be read");
            } finally {
                release(held);
            }
            assertTrue(ws.next(SubscriptionTest.QUIET) == null, "a message after the error, which ends the operation");
        }
    }

    @Test
    void aConnectionThatComesFreeDuringTheRetriesDeliversTheEvent() throws Exception {
        long statement = anyStatementId();
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("1", STATEMENTS));
            List<Connection> held = takeEveryConnection();
            try {
                feed.offer(new ChangeBatch(List.of(statement), List.of(), ChangeBatch.nowMicros()));
                // Longer than one wait for a connection (1 s in this profile): the first read fails.
                Thread.sleep(1_200);
            } finally {
                release(held);
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
        long statement = anyStatementId();
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("1", STATEMENTS));
            subscribeAndWait(ws, subscribe("2", "subscription { visitChanged { key } }"));
            List<Connection> held = takeEveryConnection();
            try {
                // The dispatcher takes this one and waits for a connection; the queue behind it fills up.
                feed.offer(new ChangeBatch(List.of(statement), List.of(), ChangeBatch.nowMicros()));
                for (int i = 0; i <= ChangeFeed.QUEUE; i++) {
                    feed.offer(new ChangeBatch(List.of(), List.of(), ChangeBatch.nowMicros()));
                }
                JsonObject first = ws.next(WAIT);
                JsonObject second = ws.next(WAIT);
                assertEventsMissed(first, "too far behind");
                assertEventsMissed(second, "too far behind");
                assertEquals(Set.of("1", "2"), Set.of(first.getString("id"), second.getString("id")));
            } finally {
                release(held);
            }
        }
    }

    /** PostgreSQL only: the replica's LISTEN connection is cut, as a database restart or a network failure would. */
    @Test
    void aLostListenConnectionEndsTheSubscriptions() throws Exception {
        assumeTrue(database.kind() == Database.Kind.POSTGRESQL, "cross-replica delivery runs on PostgreSQL only");
        try (GraphQLWs ws = GraphQLWs.connect(graphql, "graphql-transport-ws").init(null)) {
            subscribeAndWait(ws, subscribe("1", STATEMENTS));
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

    private long anyStatementId() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT MIN(id) FROM statement")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Connection> takeEveryConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        while (held.size() < SmallPool.CONNECTIONS) {
            held.add(database.dataSource().getConnection());
        }
        return held;
    }

    private static void release(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
