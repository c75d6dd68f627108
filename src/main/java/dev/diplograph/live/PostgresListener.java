package dev.diplograph.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds one dedicated PostgreSQL connection that LISTENs on the change channel and hands every
 * notification (from this replica or any other) to the dispatcher. It reconnects after a failure;
 * notifications sent while it was disconnected are lost, which it logs.
 */
final class PostgresListener {

    private static final Logger LOG = Logger.getLogger(PostgresListener.class);
    private static final int POLL_MILLIS = 500;

    private final Consumer<ChangeBatch> sink;
    private final Consumer<String> gap;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    /** The connection had been up and went down; set until it is back. */
    private boolean lost;

    /**
     * {@code gap} is told why notifications may have been missed: when the LISTEN connection is lost,
     * and again when it is back (for subscriptions opened meanwhile).
     */
    PostgresListener(Consumer<ChangeBatch> sink, Consumer<String> gap) {
        this.sink = sink;
        this.gap = gap;
        this.thread = new Thread(this::run, "diplograph-live-listen");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    boolean connected() {
        return connected;
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + ChangeFeed.CHANNEL);
                }
                boolean wasLost = lost;
                connected = true;
                lost = false;
                backoff = 500;
                LOG.info("Listening for change events of all replicas (PostgreSQL channel " + ChangeFeed.CHANNEL + ")");
                if (wasLost) {
                    // A subscription opened while the connection was down missed events too.
                    gap.accept("This replica's connection for changes made on any replica was down until now.");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        try {
                            sink.accept(ChangeFeed.parse(notification.getParameter()));
                        } catch (RuntimeException e) {
                            LOG.warn("Ignored a malformed change notification", e);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (connected) {
                    lost = true;
                    LOG.warn("Lost the change-event connection to PostgreSQL; events committed until it is back"
                            + " are not delivered to this replica's subscribers, whose subscriptions end with EVENTS_MISSED", e);
                    gap.accept("This replica lost its connection for changes made on any replica.");
                } else {
                    LOG.debug("Cannot open the change-event connection yet", e);
                }
                connected = false;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        connected = false;
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "diplograph-listen");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }
}
