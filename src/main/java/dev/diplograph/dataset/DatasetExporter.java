package dev.diplograph.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.error.DatabaseUnavailableException;
import dev.diplograph.persistence.Database;
import dev.diplograph.statement.StatementKind;
import dev.diplograph.visit.CooperationStatus;
import dev.diplograph.visit.VisitKind;

/**
 * Writes the whole graph as one visits-dataset/1 document, streamed row by row from a single
 * repeatable-read snapshot. The order is deterministic (records by key, statements in recording
 * order, lists by key, cities and cooperation areas in their recorded order), so that export,
 * import into an empty database and export again give the same bytes.
 */
@ApplicationScoped
public class DatasetExporter {

    private static final Logger LOG = Logger.getLogger(DatasetExporter.class);
    private static final int FETCH = 1000;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    /** One permit per export that may stream at once (diplograph.datasets.max-concurrent-exports). */
    private final Semaphore streaming;

    public DatasetExporter(Database database, ObjectMapper mapper, DiplographConfig config) {
        this.dataSource = database.dataSource();
        this.mapper = mapper;
        this.streaming = new Semaphore(config.datasets().maxConcurrentExports());
    }

    /**
     * Opens an export on a repeatable-read snapshot taken now. The caller reads its data version,
     * writes it (or decides not to) and closes it.
     */
    public Export open() throws IOException {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new Export(connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (DatabaseUnavailableException.describes(e)) {
                throw new DatabaseUnavailableException();
            }
            throw new IOException("Database failure during export", e);
        }
    }

    /**
     * One export: a read-only transaction whose first statement reads the data version, which fixes
     * the snapshot, so the version names exactly the data the document holds.
     */
    public final class Export implements AutoCloseable {
        private final Connection connection;
        private final boolean autoCommit;
        private final int isolation;
        private final long version;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean slot;

        private Export(Connection connection) throws SQLException {
            this.connection = connection;
            this.autoCommit = connection.getAutoCommit();
            this.isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("SELECT version FROM data_version WHERE id = 1");
                    ResultSet result = select.executeQuery()) {
                result.next();
                this.version = result.getLong(1);
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        /** The data version of the snapshot (see {@code DataVersion}). */
        public long version() {
            return version;
        }

        /**
         * Takes one of the slots of exports that stream at once, held until this export is closed;
         * false when none is free.
         */
        public boolean takeSlot() {
            if (!slot && !closed.get()) {
                slot = streaming.tryAcquire();
            }
            return slot;
        }

        /**
         * Writes the document to {@code out} and flushes it there; does not close it, so that the caller
         * can close this export (freeing its slot and connection) before it ends the response.
         */
        public void writeTo(OutputStream out) throws IOException {
            try {
                // Closed only on success: closing also ends every open array and object, which after
                // a failure would turn a truncated export into a well-formed document.
                JsonGenerator json = mapper.getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("format", DatasetDocument.FORMAT);
                new Snapshot(connection, json).write();
                json.writeEndObject();
                json.writeRaw('\n');
                json.close();
            } catch (SQLException e) {
                throw new IOException("Database failure during export", e);
            }
        }

        /** Ends the transaction and hands the connection back; only the first call does anything. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (slot) {
                streaming.release();
            }
            try (connection) {
                connection.commit();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                LOG.warn("Could not end an export's read-only transaction cleanly", e);
            }
        }
    }

    /** One export's queries, all on the same connection and snapshot. */
    private static final class Snapshot {
        private final Connection connection;
        private final JsonGenerator json;

        Snapshot(Connection connection, JsonGenerator json) {
            this.connection = connection;
            this.json = json;
        }

        void write() throws SQLException, IOException {
            try (Rows rows = rows("SELECT code, name, native_name FROM country ORDER BY code")) {
                array("countries", rows, r -> new CountryRecord(r.getString(1), r.getString(2), r.getString(3)));
            }
            try (Rows rows = rows("SELECT slug, name, description FROM sector ORDER BY slug");
                    Children keywords = children("""
                            SELECT s.slug, k.keyword FROM sector_keyword k JOIN sector s ON s.id = k.sector_id
                            ORDER BY s.slug, k.keyword""")) {
                array("sectors", rows, r -> new SectorRecord(r.getString(1), r.getString(2), r.getString(3),
                        keywords.strings(r.getString(1))));
            }
            try (Rows rows = rows("""
                    SELECT l.slug, l.name, l.native_name, l.office, c.code, l.in_office_since
                    FROM leader l JOIN country c ON c.id = l.country_id ORDER BY l.slug""")) {
                array("leaders", rows, r -> new LeaderRecord(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), date(r, 6)));
            }
            try (Rows rows = rows("""
                    SELECT source_key, outlet, title, url, published_on, language FROM source ORDER BY source_key""")) {
                array("sources", rows, r -> new SourceRecord(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), date(r, 5), r.getString(6)));
            }
            writeVisits();
            writeProjects();
            writeStatements();
            writeMilestones();
        }

        private void writeVisits() throws SQLException, IOException {
            try (Rows rows = rows("""
                    SELECT v.visit_key, l.slug, c.code, v.start_date, v.end_date, v.kind, v.title, v.summary
                    FROM visit v JOIN leader l ON l.id = v.leader_id JOIN country c ON c.id = v.host_country_id
                    ORDER BY v.visit_key""");
                    Children cities = children("""
                            SELECT v.visit_key, vc.name FROM visit_city vc JOIN visit v ON v.id = vc.visit_id
                            ORDER BY v.visit_key, vc.city_index""");
                    Children sources = children("""
                            SELECT v.visit_key, s.source_key FROM visit_source vs
                            JOIN visit v ON v.id = vs.visit_id JOIN source s ON s.id = vs.source_id
                            ORDER BY v.visit_key, s.source_key""");
                    Children areas = children("""
                            SELECT v.visit_key, s.slug, a.status, a.summary FROM cooperation_area a
                            JOIN visit v ON v.id = a.visit_id JOIN sector s ON s.id = a.sector_id
                            ORDER BY v.visit_key, a.id""")) {
                array("visits", rows, r -> {
                    String key = r.getString(1);
                    List<AreaRecord> areaRecords = new ArrayList<>();
                    for (Object[] area : areas.take(key)) {
                        areaRecords.add(new AreaRecord((String) area[0],
                                area[1] == null ? null : CooperationStatus.valueOf((String) area[1]), (String) area[2]));
                    }
                    String kind = r.getString(6);
                    return new VisitRecord(key, r.getString(2), r.getString(3), date(r, 4), date(r, 5),
                            kind == null ? null : VisitKind.valueOf(kind), r.getString(7), r.getString(8),
                            cities.strings(key), sources.strings(key), areaRecords);
                });
            }
        }

        private void writeProjects() throws SQLException, IOException {
            try (Rows rows = rows("""
                    SELECT p.project_key, p.name, s.slug, p.status, p.summary
                    FROM project p JOIN sector s ON s.id = p.sector_id ORDER BY p.project_key""");
                    Children countries = children("""
                            SELECT p.project_key, c.code FROM project_country pc
                            JOIN project p ON p.id = pc.project_id JOIN country c ON c.id = pc.country_id
                            ORDER BY p.project_key, c.code""");
                    Children visits = children("""
                            SELECT p.project_key, v.visit_key FROM project_visit pv
                            JOIN project p ON p.id = pv.project_id JOIN visit v ON v.id = pv.visit_id
                            ORDER BY p.project_key, v.visit_key""")) {
                array("projects", rows, r -> {
                    String key = r.getString(1);
                    String status = r.getString(4);
                    return new ProjectRecord(key, r.getString(2), r.getString(3), countries.strings(key),
                            status == null ? null : CooperationStatus.valueOf(status), r.getString(5),
                            visits.strings(key));
                });
            }
        }

        private void writeStatements() throws SQLException, IOException {
            try (Rows rows = rows("""
                    SELECT s.id, s.statement_key, l.slug, s.quote_text, s.kind, s.said_on, s.language,
                           src.source_key, v.visit_key
                    FROM statement s JOIN leader l ON l.id = s.speaker_id JOIN source src ON src.id = s.source_id
                    LEFT JOIN visit v ON v.id = s.visit_id ORDER BY s.id""");
                    Children sectors = children("""
                            SELECT ss.statement_id, sec.slug FROM statement_sector ss
                            JOIN sector sec ON sec.id = ss.sector_id ORDER BY ss.statement_id, sec.slug""");
                    Children projects = children("""
                            SELECT sp.statement_id, p.project_key FROM statement_project sp
                            JOIN project p ON p.id = sp.project_id ORDER BY sp.statement_id, p.project_key""")) {
                array("statements", rows, r -> {
                    String id = r.getString(1);
                    return new StatementRecord(r.getString(2), r.getString(3), r.getString(4),
                            StatementKind.valueOf(r.getString(5)), date(r, 6), r.getString(7), r.getString(8),
                            r.getString(9), sectors.strings(id), projects.strings(id));
                });
            }
        }

        private void writeMilestones() throws SQLException, IOException {
            try (Rows rows = rows("""
                    SELECT id, milestone_key, title, start_year, end_year, summary FROM milestone ORDER BY milestone_key""");
                    Children countries = children("""
                            SELECT m.milestone_key, c.code FROM milestone_country mc
                            JOIN milestone m ON m.id = mc.milestone_id JOIN country c ON c.id = mc.country_id
                            ORDER BY m.milestone_key, c.code""");
                    Children sources = children("""
                            SELECT m.milestone_key, s.source_key FROM milestone_source ms
                            JOIN milestone m ON m.id = ms.milestone_id JOIN source s ON s.id = ms.source_id
                            ORDER BY m.milestone_key, s.source_key""")) {
                array("milestones", rows, r -> {
                    String key = r.getString(2);
                    return new MilestoneRecord(key, countries.strings(key), r.getString(3),
                            r.getObject(4, Integer.class), r.getObject(5, Integer.class), r.getString(6),
                            sources.strings(key));
                });
            }
        }

        /** Maps one row to a record. */
        private interface RowMapper {
            Object map(ResultSet row) throws SQLException;
        }

        private void array(String name, Rows rows, RowMapper mapper) throws SQLException, IOException {
            if (!rows.result.next()) {
                return;
            }
            json.writeArrayFieldStart(name);
            do {
                json.writeObject(mapper.map(rows.result));
            } while (rows.result.next());
            json.writeEndArray();
        }

        private Rows rows(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            return new Rows(statement, statement.executeQuery());
        }

        private Children children(String sql) throws SQLException {
            Rows rows = rows(sql);
            return new Children(rows);
        }

        private static LocalDate date(ResultSet row, int column) throws SQLException {
            return row.getObject(column, LocalDate.class);
        }
    }

    /** A query's result set and statement, closed together. */
    private record Rows(PreparedStatement statement, ResultSet result) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                result.close();
            } finally {
                statement.close();
            }
        }
    }

    /**
     * The rows of a child query ordered by the same parent key as the parent query, consumed in step
     * with the parents (a merge join), so no child list is ever held for more than one parent.
     */
    private static final class Children implements AutoCloseable {
        private final Rows rows;
        private boolean hasRow;

        Children(Rows rows) throws SQLException {
            this.rows = rows;
            this.hasRow = rows.result.next();
        }

        /** The child rows of {@code parentKey}, without the key column. */
        List<Object[]> take(String parentKey) throws SQLException {
            List<Object[]> taken = new ArrayList<>();
            ResultSet rs = rows.result;
            int columns = rs.getMetaData().getColumnCount();
            while (hasRow && parentKey.equals(rs.getString(1))) {
                Object[] row = new Object[columns - 1];
                for (int i = 2; i <= columns; i++) {
                    row[i - 2] = rs.getObject(i);
                }
                taken.add(row);
                hasRow = rs.next();
            }
            return taken;
        }

        /** The single string column of the child rows of {@code parentKey}. */
        List<String> strings(String parentKey) throws SQLException {
            List<String> values = new ArrayList<>();
            for (Object[] row : take(parentKey)) {
                values.add((String) row[0]);
            }
            return values;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }
}
