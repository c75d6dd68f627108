package dev.diplograph.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Two connections and a one-second wait, on whichever database the tests run against, so tests can take them all. */
public class SmallPool implements QuarkusTestProfile {

    /** The pool size. */
    public static final int CONNECTIONS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(CONNECTIONS),
                "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                "quarkus.datasource.embedded.jdbc.max-size", String.valueOf(CONNECTIONS),
                "quarkus.datasource.embedded.jdbc.acquisition-timeout", "1S");
    }

    /** Takes every connection of the pool; closing the result gives them back. */
    public static Taken takeEveryConnection(DataSource pool) throws SQLException {
        Taken taken = new Taken();
        try {
            while (taken.connections.size() < CONNECTIONS) {
                taken.connections.add(pool.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            taken.close();
            throw e;
        }
        return taken;
    }

    /** The connections a test holds so that nothing else can get one. */
    public static final class Taken implements AutoCloseable {
        private final List<Connection> connections = new ArrayList<>();

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
