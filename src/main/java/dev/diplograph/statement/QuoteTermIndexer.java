package dev.diplograph.statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps H2's quote term index current in the background: moves statements from the pending list
 * that the dataset writer fills into {@code statement_term}, so that imports do not pay for it.
 */
@ApplicationScoped
public class QuoteTermIndexer {

    private static final Logger LOG = Logger.getLogger(QuoteTermIndexer.class);

    /** Statements indexed per transaction. */
    static final int CHUNK = 2000;

    /** How long shutdown waits for the chunk being indexed. */
    private static final int STOP_WAIT_SECONDS = 10;

    /**
     * Statement writers share it (read mode) until their transaction ends; the indexer takes it alone
     * (write mode), so it never reads a text that a running transaction is about to change.
     */
    private final StampedLock writers = new StampedLock();

    private final Database database;
    private final Transactions writes;
    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** Set at shutdown: no further chunk starts. */
    private volatile boolean stopping;

    public QuoteTermIndexer(Database database, Transactions writes, TransactionSynchronizationRegistry transactions,
            DiplographConfig config, MeterRegistry metrics) {
        this.database = database;
        this.writes = writes;
        this.metrics = metrics;
        this.transactions = transactions;
        this.interval = config.search().indexInterval();
    }

    /** Whether this database needs the indexer (PostgreSQL indexes texts itself). */
    public boolean active() {
        return database.kind() == Database.Kind.H2;
    }

    void onStart(@Observes StartupEvent event) {
        if (!active()) {
            return;
        }
        Gauge.builder("diplograph.search.pending.statements", this, QuoteTermIndexer::pendingQuietly)
                .description("Statements whose words the H2 term indexer has not indexed yet")
                .register(metrics);
        if (interval.isZero()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "quote-term-indexer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drainQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a running chunk finish instead of interrupting it: an interrupt during H2's file I/O closes
     * the file channel under the whole database ("Writing to … failed"), which then closes in a panic.
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("The quote term indexer was still busy %d s after shutdown began; shutdown goes on without it",
                        STOP_WAIT_SECONDS);
            }
        }
    }

    /**
     * Called by a transaction that is about to write statements: holds the indexer off until the
     * transaction has committed or rolled back.
     */
    public void enterStatementWrites() {
        if (!active()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("statement writes need an active transaction");
        }
        long stamp = writers.readLock();
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    writers.unlockRead(stamp); // a StampedLock may be released from any thread
                }
            });
        } catch (RuntimeException e) {
            writers.unlockRead(stamp);
            throw e;
        }
    }

    /** Indexes pending statements until none is left; returns how many it indexed. */
    public int drain() throws SQLException {
        int total = 0;
        int indexed;
        do {
            indexed = writes.alone(() -> { // one writer at a time on H2, this one included
                long stamp = writers.writeLock();
                try {
                    return indexChunk();
                } finally {
                    writers.unlockWrite(stamp);
                }
            });
            total += Math.max(indexed, 0);
        } while (indexed >= 0 && !stopping);
        return total;
    }

    /**
     * How many statements wait for the indexer: changed ones listed one by one, plus the ids in the
     * ranges of new ones. Cheap enough for every metrics scrape (no statement is read), it counts a
     * statement changed soon after it was created twice, and one deleted before it was indexed.
     */
    public long pending() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement count = c.prepareStatement("SELECT (SELECT COUNT(*) FROM statement_term_pending)"
                        + " + (SELECT COALESCE(SUM(last_id - first_id + 1), 0) FROM statement_term_pending_range)");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double pendingQuietly() {
        try {
            return pending();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private void drainQuietly() {
        try {
            int indexed = drain();
            if (indexed > 0) {
                LOG.debugf("Indexed the words of %d statements", indexed);
            }
        } catch (SQLException | RuntimeException e) {
            // Searches still find pending statements by their text; the next round (or start) tries again.
            if (stopping) {
                LOG.debugf("Quote term indexing stopped by shutdown: %s", e.getMessage());
            } else {
                LOG.warnf("Quote term indexing failed, will retry: %s", e.getMessage());
            }
        }
    }

    /** Term rows per INSERT statement: multi-row VALUES lists are several times faster in H2 than JDBC batches. */
    static final int ROWS_PER_INSERT = 500;

    private static void insertTerms(Connection c, Map<Long, String> texts) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, String> text : texts.entrySet()) {
            for (String term : QuoteSearch.terms(text.getValue())) {
                rows.add(new Object[] { term, text.getKey() });
            }
        }
        if (!rows.isEmpty()) {
            insertTerms(c, rows);
        }
    }

    private static void insertTerms(Connection c, List<Object[]> rows) throws SQLException {
        String full = "INSERT INTO statement_term (term, statement_id) VALUES "
                + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, "(?, ?)"));
        try (PreparedStatement insert = c.prepareStatement(full)) {
            int i = 0;
            for (; i + ROWS_PER_INSERT <= rows.size(); i += ROWS_PER_INSERT) {
                bind(insert, rows.subList(i, i + ROWS_PER_INSERT));
                insert.executeUpdate();
            }
            if (i < rows.size()) {
                List<Object[]> rest = rows.subList(i, rows.size());
                try (PreparedStatement last = c.prepareStatement("INSERT INTO statement_term (term, statement_id) VALUES "
                        + String.join(", ", Collections.nCopies(rest.size(), "(?, ?)")))) {
                    bind(last, rest);
                    last.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement insert, List<Object[]> rows) throws SQLException {
        int p = 1;
        for (Object[] row : rows) {
            insert.setString(p++, (String) row[0]);
            insert.setLong(p++, (Long) row[1]);
        }
    }

    /**
     * Indexes up to {@link #CHUNK} pending statements in one transaction: changed ones first, else the
     * start of the lowest range of new ids. Returns how many statements it indexed, or -1 when
     * nothing was pending.
     */
    private int indexChunk() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int indexed = indexChanged(c);
                if (indexed < 0) {
                    indexed = indexNew(c);
                }
                c.commit();
                return indexed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Changed statements, listed one by one; -1 if there is none. */
    private static int indexChanged(Connection c) throws SQLException {
        // The first CHUNK pending ids end at `last`; all pending statements up to it are read
        // and indexed, by key ranges (H2 does not look up `= ANY(array)` by index).
        long last;
        try (PreparedStatement select = c.prepareStatement("SELECT MAX(statement_id) FROM"
                + " (SELECT statement_id FROM statement_term_pending ORDER BY statement_id LIMIT ?) chunk")) {
            select.setInt(1, CHUNK);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                if (rs.wasNull()) {
                    return -1;
                }
            }
        }
        Map<Long, String> texts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT s.id, s.quote_text"
                + " FROM statement_term_pending p JOIN statement s ON s.id = p.statement_id"
                + " WHERE p.statement_id <= ?")) {
            select.setLong(1, last);
            read(select, texts);
        }
        // The writer removed these statements' old words when it changed them, so there is nothing to
        // delete; one still waiting in a range gets its words again (replaced) when indexNew reaches it.
        insertTerms(c, texts);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM statement_term_pending WHERE statement_id <= ?")) {
            delete.setLong(1, last);
            delete.executeUpdate();
        }
        return texts.size();
    }

    /** The first CHUNK ids of the lowest range of new statements; -1 if there is no range. */
    private static int indexNew(Connection c) throws SQLException {
        long first;
        long last;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT first_id, last_id FROM statement_term_pending_range ORDER BY first_id LIMIT 1");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return -1;
            }
            first = rs.getLong(1);
            last = rs.getLong(2);
        }
        Map<Long, String> texts = new LinkedHashMap<>();
        long lastRead;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, quote_text FROM statement WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?")) {
            select.setLong(1, first);
            select.setLong(2, last);
            select.setInt(3, CHUNK);
            lastRead = read(select, texts);
        }
        // Ids of deleted statements are skipped; a full chunk ends at its last id, the range resumes after it.
        long upTo = texts.size() == CHUNK ? lastRead : last;
        // A statement changed while its id waited here was indexed already by indexChanged (which
        // runs first): its words are replaced, not added twice.
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM statement_term WHERE statement_id BETWEEN ? AND ?")) {
            delete.setLong(1, first);
            delete.setLong(2, upTo);
            delete.executeUpdate();
        }
        insertTerms(c, texts);
        try (PreparedStatement shrink = c.prepareStatement(upTo == last
                ? "DELETE FROM statement_term_pending_range WHERE first_id = ?"
                : "UPDATE statement_term_pending_range SET first_id = ? WHERE first_id = ?")) {
            if (upTo == last) {
                shrink.setLong(1, first);
            } else {
                shrink.setLong(1, upTo + 1);
                shrink.setLong(2, first);
            }
            shrink.executeUpdate();
        }
        return texts.size();
    }

    /** Reads (id, text) rows into {@code texts}; returns the last id read, or -1 if none. */
    private static long read(PreparedStatement select, Map<Long, String> texts) throws SQLException {
        long last = -1;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                last = rs.getLong(1);
                texts.put(last, rs.getString(2));
            }
        }
        return last;
    }
}
