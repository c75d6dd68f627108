package dev.diplograph.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;

/**
 * Readiness that includes the database without taking replicas out of service for being busy: a pool
 * whose every connection is in use is ready as long as connections keep being handed out.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** The check's name in {@code /q/health/ready}. */
    public static final String NAME = "database";

    private final Database database;
    private final AtomicReference<Handouts> lastSeen = new AtomicReference<>(new Handouts(-1, System.nanoTime()));

    public DatabaseReadiness(Database database) {
        this.database = database;
    }

    /** The pool's count of connections handed out, and when a check first saw that count. */
    private record Handouts(long count, long seenAtNanos) {
    }

    @Override
    public HealthCheckResponse call() {
        AgroalDataSource pool = database.dataSource();
        AgroalConnectionPoolConfiguration settings = pool.getConfiguration().connectionPoolConfiguration();
        AgroalDataSourceMetrics metrics = pool.getMetrics();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("database", database.toString());
        long now = System.nanoTime();
        long handedOut = metrics.acquireCount();
        Handouts last = lastSeen.updateAndGet(seen -> seen.count() == handedOut ? seen : new Handouts(handedOut, now));
        if (metrics.availableCount() == 0 && metrics.activeCount() >= settings.maxSize()) {
            // Quarkus' own check would wait here for a connection and report DOWN after the wait:
            // under a burst every replica would leave the Service at once, and a single one would
            // stop answering even the requests that were about to get a connection.
            Duration stalled = Duration.ofNanos(now - last.seenAtNanos());
            Duration wait = settings.acquisitionTimeout();
            response.withData("pool", "saturated");
            if (wait.isZero() || stalled.compareTo(wait) <= 0) {
                return response.up().build();
            }
            return response.down().withData("reason", "Every connection has been in use and none was handed out for "
                    + stalled.toMillis() + " ms, longer than the " + wait.toMillis() + " ms a request waits for one.").build();
        }
        try {
            return pool.isHealthy(false) ? response.up().build()
                    : response.down().withData("reason", "A connection failed its validation.").build();
        } catch (SQLException e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
