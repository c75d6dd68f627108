package dev.diplograph.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The version of the whole dataset: a counter that each write transaction increases before it
 * commits, shared by all replicas through the database. HTTP caching derives ETags from it.
 */
@ApplicationScoped
public class DataVersion {

    /** Reads the committed version. */
    public static final String SELECT = "SELECT version FROM data_version WHERE id = 1";

    private final Database database;

    public DataVersion(Database database) {
        this.database = database;
    }

    /** Increases the version inside the caller's transaction; concurrent writers queue on its row. */
    public static void bump(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE data_version SET version = version + 1 WHERE id = 1")) {
            update.executeUpdate();
        }
        CommitSequence.enlist();
    }

    /** The version of the data that has been committed. */
    public long current() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
