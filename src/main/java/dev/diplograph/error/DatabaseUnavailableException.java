package dev.diplograph.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import io.smallrye.graphql.api.ErrorCode;

/** No database connection could be had in time (pool exhausted, database down); nothing was written, retry later. */
@ErrorCode(ErrorCodes.DATABASE_UNAVAILABLE)
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "The database could not be reached in time (every connection is busy, "
            + "or it is down); nothing was written. Try again shortly.";

    public DatabaseUnavailableException() {
        super(MESSAGE, null, false, false);
    }

    /**
     * Whether a failure, or anything in its cause chain, says the database could not be reached: a
     * connection-class SQL state ({@code 08…}), the JDBC connection exception types, or the pool's own
     * acquisition timeout or shutdown (Agroal throws a plain {@link SQLException} for those, recognised
     * by where it was thrown).
     */
    public static boolean describes(Throwable failure) {
        return reason(failure) != null;
    }

    /** The link of {@code failure}'s cause chain that says the database could not be reached, or null. */
    public static Throwable reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return t;
            }
            if (t instanceof SQLException sql
                    && (sql.getSQLState() != null && sql.getSQLState().startsWith("08") || fromThePool(sql))) {
                return t;
            }
        }
        return null;
    }

    private static boolean fromThePool(SQLException sql) {
        StackTraceElement[] stack = sql.getStackTrace();
        if (stack.length == 0 || !stack[0].getClassName().startsWith("io.agroal.")) {
            return false;
        }
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("timeout") || message.contains("shutting down") || message.contains("closed");
    }
}
