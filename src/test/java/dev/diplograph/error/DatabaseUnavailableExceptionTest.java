package dev.diplograph.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures count as "the database could not be reached", and which stay internal errors. */
class DatabaseUnavailableExceptionTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainCount() {
        SQLException refused = new SQLException("Connection refused", "08001");
        RuntimeException wrapped = new RuntimeException("Database failure", new IOException(refused));
        assertSame(refused, DatabaseUnavailableException.reason(wrapped));
        assertTrue(DatabaseUnavailableException.describes(new SQLNonTransientConnectionException("closed")));
        assertTrue(DatabaseUnavailableException.describes(new SQLTransientConnectionException("timeout")));
        assertTrue(DatabaseUnavailableException.describes(new IllegalStateException(new DatabaseUnavailableException())));
    }

    @Test
    void thePoolsOwnTimeoutCountsByWhereItWasThrown() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        timeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, -1) });
        assertTrue(DatabaseUnavailableException.describes(new RuntimeException(timeout)));

        SQLException sameWordsElsewhere = new SQLException("Sorry, acquisition timeout!");
        assertFalse(DatabaseUnavailableException.describes(sameWordsElsewhere), "thrown by application code");

        SQLException otherPoolComplaint = new SQLException("Acquisition of multiple connections by the same Thread.");
        otherPoolComplaint.setStackTrace(timeout.getStackTrace());
        assertFalse(DatabaseUnavailableException.describes(otherPoolComplaint), "a programming error, not an outage");
    }

    @Test
    void otherDatabaseFailuresDoNot() {
        assertFalse(DatabaseUnavailableException.describes(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailableException.describes(new SQLException("no state")));
        assertFalse(DatabaseUnavailableException.describes(new RuntimeException("boom")));
        assertFalse(DatabaseUnavailableException.describes(null));
    }
}
