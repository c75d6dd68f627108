package dev.diplograph.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import org.h2.api.ErrorCode;

/**
 * H2's JDBC driver for the embedded data file, which adds to a refusal to read the file what it
 * most likely means and what to do, so that an operator upgrading from an earlier build is not sent
 * to H2's recovery tool by the words "file corrupted".
 */
public final class EmbeddedH2Driver implements Driver {

    /** Where the README explains the case; the hint names it so that it can be found. */
    static final String README_SECTION = "Upgrading a data file made by an earlier build";

    private final Driver h2;

    public EmbeddedH2Driver() {
        this(new org.h2.Driver());
    }

    EmbeddedH2Driver(Driver h2) {
        this.h2 = h2;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        try {
            return h2.connect(url, info);
        } catch (SQLException e) {
            if (!isUnreadableFile(e)) {
                throw e;
            }
            throw new SQLException(hint(e), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static boolean isUnreadableFile(SQLException e) {
        return e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1;
    }

    private static String hint(SQLException e) {
        return "H2 " + org.h2.engine.Constants.VERSION + " cannot read the embedded data file. If a build of "
                + "diplograph that used another H2 version (builds before the H2 2.3.232 pin used 2.5.252) last "
                + "wrote it, the file is most likely not damaged: do not run H2's recovery tool on it; start "
                + "that build on it, export the data (GET /api/datasets), and import the export into this "
                + "build on an empty data directory (README, \"" + README_SECTION + "\"). Otherwise restore "
                + "the file from a backup. H2 said: " + e.getMessage();
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return h2.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return h2.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return h2.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return h2.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return h2.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }
}
