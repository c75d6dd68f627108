package dev.diplograph.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every index costs each write, so the migrated schema must not carry two indexes over the same
 * columns; H2 adds one of its own for each foreign key, which a hand-made index can duplicate.
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    Database database;

    @Test
    void noTableHasTwoIndexesOverTheSameColumns() throws SQLException {
        Map<String, Map<String, List<String>>> indexes = indexesByTable();
        assertTrue(indexes.containsKey("statement"), "the schema's tables are read: " + indexes.keySet());

        List<String> duplicates = new ArrayList<>();
        indexes.forEach((table, byName) -> {
            Map<List<String>, String> byColumns = new HashMap<>();
            byName.forEach((name, columns) -> {
                String other = byColumns.putIfAbsent(columns, name);
                if (other != null) {
                    duplicates.add(table + ": " + other + " and " + name + " both index " + columns);
                }
            });
        });
        assertEquals(List.of(), duplicates);
    }

    /** Table → index name → its columns in order, as the JDBC driver reports them (lower case). */
    private Map<String, Map<String, List<String>>> indexesByTable() throws SQLException {
        Map<String, Map<String, List<String>>> result = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, schema, null, new String[] { "TABLE" })) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
                try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, true)) {
                    while (rows.next()) {
                        String index = rows.getString("INDEX_NAME");
                        String column = rows.getString("COLUMN_NAME");
                        if (index != null && column != null) {
                            columns.computeIfAbsent(index, name -> new TreeMap<>())
                                    .put(rows.getShort("ORDINAL_POSITION"), column.toLowerCase());
                        }
                    }
                }
                Map<String, List<String>> byName = new TreeMap<>();
                columns.forEach((index, ordered) -> byName.put(index, List.copyOf(ordered.values())));
                result.put(table.toLowerCase(), byName);
            }
        }
        return result;
    }
}
