package dev.diplograph.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ServiceBusyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionRunnerOptions;

/**
 * Runs every write in a transaction of its own, so that concurrent writers end as they would one
 * after the other: a write that lost a race runs again, and on H2 writes run one at a time.
 */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** Attempts of a write that keeps losing races, before its failure is reported. */
    public static final int WRITE_ATTEMPTS = 3;

    /** SQL states of a lost race: unique or foreign-key violation, serialization failure, deadlock. */
    private static final Set<String> RACE_STATES = Set.of("23505", "23503", "40001", "40P01");

    /**
     * H2 only: each write holds it for its whole transaction, commit included, so that H2 sees one
     * writer at a time. Two reasons:
     * <ul>
     * <li>H2 writes a commit to its file by taking its maps (each table, each index, each undo log)
     * one after the other, and only each map on its own is a consistent snapshot (h2database issue
     * 2080). A transaction that changes maps meanwhile can leave the file, after a {@code kill -9},
     * with a row missing from an index, or a visit without the cooperation areas written in the same
     * transaction. {@code bench/h2-crash/run.sh} shows it with H2 alone, and that one writer at a
     * time avoids it; {@code bench/durability.py} checks the service.</li>
     * <li>H2 checks a foreign key against committed rows and locks neither side, so a deletion could
     * remove a row that a concurrent, not yet committed write has just referred to, and both would
     * commit (ConcurrentWriteTest shows it). PostgreSQL locks the referenced row, so there the
     * losing transaction fails and runs again.</li>
     * </ul>
     * Fair, so that a waiting import or deletion is not starved by a stream of small writes. The seed
     * import at start-up joins its own transaction instead; it ends before requests are taken, and
     * the term indexer waits for it (QuoteTermIndexer's lock on statement writes).
     */
    private final ReentrantLock h2Writes;

    /** How long a write waits for its turn on H2 (diplograph.writes.wait-timeout). */
    private final Duration waitTimeout;

    /** Writes run again because they lost a race (diplograph_write_retries in /q/metrics). */
    private final Counter retries;

    /** Writes refused because their turn did not come in time. */
    private final Counter busy;

    private final Database database;

    public Transactions(Database database, DiplographConfig config, MeterRegistry metrics) {
        this.database = database;
        this.waitTimeout = config.writes().waitTimeout();
        this.h2Writes = database.kind() == Database.Kind.H2 ? new ReentrantLock(true) : null;
        if (h2Writes != null) {
            Gauge.builder("diplograph.writes.waiting", h2Writes, ReentrantLock::getQueueLength)
                    .description("Writes waiting for their turn: on H2 one write runs at a time")
                    .register(metrics);
        }
        this.busy = Counter.builder("diplograph_writes_refused_busy")
                .description("Writes refused because they waited longer than diplograph.writes.wait-timeout for their turn")
                .register(metrics);
        this.retries = Counter.builder("diplograph_write_retries")
                .description("Writes run again because a concurrent transaction won a race for the same records")
                .register(metrics);
    }

    /**
     * Runs {@code work}, which writes records, in a new transaction (the default timeout), and again
     * when it lost a race: two upserts that both found a key missing both insert it and the unique key
     * refuses the later one, or a record the write refers to is deleted meanwhile. The next attempt
     * sees the other transaction's outcome, so it updates the row, or reports the missing reference.
     * Inside a caller's transaction the work joins it and is not retried: that transaction could not
     * go on after the failure.
     */
    public <T> T write(Supplier<T> work) {
        return write(0, work);
    }

    /** {@link #write(Supplier)} with a transaction timeout of its own, e.g. for a large import. */
    public <T> T write(int timeoutSeconds, Supplier<T> work) {
        return run(timeoutSeconds, work);
    }

    /**
     * Runs {@code work}, which deletes records after checking what uses them, like {@link #write(Supplier)}
     * (on H2 no other write runs meanwhile, so none refers to a record while it is checked and deleted).
     */
    public <T> T delete(Supplier<T> work) {
        return run(0, work); // 0: the default timeout
    }

    /**
     * Runs {@code work}, which writes through a JDBC transaction of its own (the H2 term indexer), as
     * the only writer on H2, like every {@link #write(Supplier)}; elsewhere it just runs it.
     */
    public <T> T alone(SqlWork<T> work) throws SQLException {
        if (h2Writes != null) {
            h2Writes.lock();
        }
        try {
            return work.run();
        } finally {
            if (h2Writes != null) {
                h2Writes.unlock();
            }
        }
    }

    /**
     * Takes the H2 write lock, waiting at most {@link #waitTimeout}.
     *
     * @throws ServiceBusyException when the turn did not come in time (or the wait was interrupted)
     */
    private void awaitTurn() {
        try {
            if (h2Writes.tryLock(waitTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        busy.increment();
        throw new ServiceBusyException("Other writes kept this one waiting for more than " + waitTimeout.toMillis()
                + " ms (diplograph.writes.wait-timeout; on the embedded H2 database writes run one at a time);"
                + " nothing was written. Try again later.");
    }

    /** Work on the database that may fail with an {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        /** Does the work and returns its result. */
        T run() throws SQLException;
    }

    private <T> T run(int timeoutSeconds, Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        if (h2Writes != null) {
            awaitTurn();
        }
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    TransactionRunnerOptions runner = QuarkusTransaction.requiringNew();
                    T result = (timeoutSeconds > 0 ? runner.timeout(timeoutSeconds) : runner).call(work::get);
                    // The write went around the request's Hibernate session (JDBC, or a session of its
                    // own): without this, a later field of the same mutation would be answered with the
                    // records as the request had loaded them before, its natural-id look-ups included.
                    database.forgetRequestEntities();
                    return result;
                } catch (RuntimeException e) {
                    if (attempt == WRITE_ATTEMPTS || !lostRace(e)) {
                        throw e;
                    }
                    retries.increment();
                    LOG.debugf("A write lost a race to a concurrent transaction (attempt %d); running it again: %s",
                            attempt, e.getMessage());
                }
            }
        } finally {
            if (h2Writes != null) {
                h2Writes.unlock();
            }
        }
    }

    /** Whether {@code failure} was caused by one of the SQL states of a lost race. */
    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && RACE_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
