package dev.diplograph.persistence;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionRunnerOptions;

/**
 * Runs every write in a transaction of its own, so that concurrent writers end as they would one
 * after the other: a write that lost a race runs again, and on H2 deletions never overlap other writes.
 */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** Attempts of a write that keeps losing races, before its failure is reported. */
    public static final int WRITE_ATTEMPTS = 3;

    /** SQL states of a lost race: unique or foreign-key violation, serialization failure, deadlock. */
    private static final Set<String> RACE_STATES = Set.of("23505", "23503", "40001", "40P01");

    /**
     * H2 only: writes share it, deletions hold it alone. H2 checks a foreign key against committed
     * rows and locks neither side, so a deletion could remove a row that a concurrent, not yet
     * committed write has just referred to, and both would commit (ConcurrentWriteTest shows it).
     * PostgreSQL locks the referenced row, so there the losing transaction fails and runs again.
     */
    private final ReentrantReadWriteLock deletions;

    /** Writes run again because they lost a race (diplograph_write_retries in /q/metrics). */
    private final Counter retries;

    public Transactions(Database database, MeterRegistry metrics) {
        this.deletions = database.kind() == Database.Kind.H2 ? new ReentrantReadWriteLock(true) : null;
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
        return run(timeoutSeconds, work, deletions == null ? null : deletions.readLock());
    }

    /**
     * Runs {@code work}, which deletes records after checking what uses them, like {@link #write(Supplier)};
     * on H2 alone, so that no write refers to a record while it is checked and deleted.
     */
    public <T> T delete(Supplier<T> work) {
        return run(0, work, deletions == null ? null : deletions.writeLock()); // 0: the default timeout
    }

    private <T> T run(int timeoutSeconds, Supplier<T> work, Lock lock) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        if (lock != null) {
            lock.lock();
        }
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    TransactionRunnerOptions runner = QuarkusTransaction.requiringNew();
                    return (timeoutSeconds > 0 ? runner.timeout(timeoutSeconds) : runner).call(work::get);
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
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /** Whether {@code failure} was caused by one of the SQL states of a lost race. */
    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (RACE_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
