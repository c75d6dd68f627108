package dev.diplograph.persistence;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.Arc;

/**
 * Tells a reader, without a database round trip, whether a write committed while it read: on the
 * embedded database only this process writes, and every write transaction makes this sequence odd
 * just before its commit and even again after it (a sequence lock). PostgreSQL has other writers,
 * so there the data version is read from the database instead ({@link DataVersion}).
 */
public final class CommitSequence {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private CommitSequence() {
    }

    /** The sequence now: odd while a commit is under way. */
    public static long now() {
        return SEQUENCE.get();
    }

    /**
     * The sequence once no commit is under way, waiting at most {@code maxNanos} for one to end (a
     * mutation's commit takes about a millisecond); odd if one still is. Not for the event loop.
     */
    public static long quiet(long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        long now = SEQUENCE.get();
        while ((now & 1) != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000);
            now = SEQUENCE.get();
        }
        return now;
    }

    /**
     * Whether nothing committed between the reading of {@code start} and now: no commit was under way
     * then, and none has begun since.
     */
    public static boolean unchangedSince(long start) {
        return (start & 1) == 0 && SEQUENCE.get() == start;
    }

    /** Called by every write transaction (from {@link DataVersion#bump}); registers its commit once. */
    static void enlist() {
        TransactionSynchronizationRegistry registry = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (registry.getTransactionKey() == null) {
            SEQUENCE.addAndGet(2); // not in a transaction: the change is visible already
            return;
        }
        if (registry.getResource(CommitSequence.class) != null) {
            return;
        }
        registry.putResource(CommitSequence.class, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            private boolean committing;

            @Override
            public void beforeCompletion() { // only before a commit; a rollback goes straight to afterCompletion
                committing = true;
                SEQUENCE.incrementAndGet();
            }

            @Override
            public void afterCompletion(int status) {
                if (committing) {
                    SEQUENCE.incrementAndGet();
                }
            }
        });
    }
}
