package dev.diplograph.graphql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.api.Trigger;

import dev.diplograph.persistence.DataVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An H2 trigger before each SELECT on cooperation_area that, once armed, commits a write from another
 * connection: it puts a write exactly between a query's visit level and its cooperation-area level.
 * H2 loads trigger classes itself, not through the test's class loader, so the armed write waits in
 * the system properties (as a {@link Runnable}, a type both loaders share), not in a static field.
 */
public class CommitBetweenLevels implements Trigger {

    private static final String ARMED = "diplograph.test.commit-between-levels";

    /** Arms the trigger: its next firing gives the visit and its areas {@code summary}, committed. */
    static void arm(DataSource dataSource, String visitKey, String summary) {
        Runnable write = () -> write(dataSource, visitKey, summary);
        System.getProperties().put(ARMED, write);
    }

    /** Whether the trigger is still armed (it has not fired since {@link #arm}). */
    static boolean armed() {
        return System.getProperties().get(ARMED) != null;
    }

    static void disarm() {
        System.getProperties().remove(ARMED);
    }

    @Override
    public void fire(Connection reading, Object[] oldRow, Object[] newRow) {
        if (System.getProperties().remove(ARMED) instanceof Runnable write) {
            write.run();
        }
    }

    /** A write as the service makes one: in a transaction of its own that moves the data version. */
    private static void write(DataSource dataSource, String visitKey, String summary) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection writing = dataSource.getConnection();
                    PreparedStatement visit = writing.prepareStatement("UPDATE visit SET summary = ? WHERE visit_key = ?");
                    PreparedStatement areas = writing.prepareStatement("UPDATE cooperation_area SET summary = ?"
                            + " WHERE visit_id = (SELECT id FROM visit WHERE visit_key = ?)")) {
                visit.setString(1, summary);
                visit.setString(2, visitKey);
                visit.executeUpdate();
                areas.setString(1, summary);
                areas.setString(2, visitKey);
                areas.executeUpdate();
                DataVersion.bump(writing);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
