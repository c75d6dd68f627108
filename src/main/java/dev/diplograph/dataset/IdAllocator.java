package dev.diplograph.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.hibernate.dialect.Dialect;

/**
 * Hands out ids from the tables' sequences in blocks of 50 (the sequences' increment): one round
 * trip per 50 new rows. A sequence value v reserves the ids v to v + 49.
 */
final class IdAllocator {

    static final int BLOCK = 50;

    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, long[]> blocks = new HashMap<>();

    IdAllocator(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The next free id of the table whose sequence is {@code <table>_seq}. */
    long next(String table) throws SQLException {
        long[] block = blocks.get(table);
        if (block == null || block[0] > block[1]) {
            String sql = dialect.getSequenceSupport().getSequenceNextValString(table + "_seq");
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                rs.next();
                long start = rs.getLong(1);
                block = new long[] { start, start + BLOCK - 1 };
                blocks.put(table, block);
            }
        }
        return block[0]++;
    }
}
