package dev.diplograph.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.hibernate.dialect.Dialect;

import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.live.ChangeKind;
import dev.diplograph.live.Changes;
import dev.diplograph.live.VisitEvent;
import dev.diplograph.source.Source;

/**
 * Upserts dataset records by natural key with batched JDBC, inside the caller's transaction: the
 * one write path shared by dataset import, seeding, GraphQL mutations and article ingestion.
 * Records must come in dependency order (countries and sectors, then leaders and sources, visits,
 * projects, statements, milestones). Every reference is checked; after the first problem nothing more
 * is written, but checking goes on so the caller gets every problem, and the caller rolls back.
 */
final class DatasetWriter {

    /** Id of a key that the document defines but that was not written because of an error. */
    private static final long PENDING = -1L;

    private static final int BATCH = 1000;
    private static final int ROWS_PER_INSERT = 100;

    private final Connection connection;
    private final boolean termIndex;
    private final IdAllocator ids;
    private final ImportErrors errors;
    /** The change events of this transaction (published to subscribers when it commits). */
    private final Changes changes;
    private final Map<String, ImportReport.Counts> counts = new LinkedHashMap<>();
    private final Map<String, Set<String>> seen = new HashMap<>();
    /** H2: the run of consecutive new statement ids not yet listed for the term indexer; -1 when none. */
    private long newRunFirst = -1;
    private long newRunLast = -1;

    final Refs countries = new Refs("country", "code");
    final Refs sectors = new Refs("sector", "slug");
    final Refs leaders = new Refs("leader", "slug");
    final Refs sources = new Refs("source", "source_key");
    final Refs visits = new Refs("visit", "visit_key");
    final Refs projects = new Refs("project", "project_key");
    final Refs statements = new Refs("statement", "statement_key");
    final Refs milestones = new Refs("milestone", "milestone_key");

    DatasetWriter(Connection connection, Dialect dialect, boolean termIndex, ImportErrors errors, Changes changes) {
        this.changes = changes;
        this.connection = connection;
        this.termIndex = termIndex;
        this.ids = new IdAllocator(connection, dialect);
        this.errors = errors;
    }

    /** Created and updated counts per record type, in the order the types were written. */
    Map<String, ImportReport.Counts> counts() {
        return counts;
    }

    private boolean writing() {
        return errors.isEmpty();
    }

    // ---------------------------------------------------------------- record types

    void countries(List<Indexed<CountryRecord>> chunk) throws SQLException {
        Plan<CountryRecord> plan = plan("countries", countries, chunk, CountryRecord::code);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO country (id, code, name, native_name) VALUES (?, ?, ?, ?)");
            Batch update = batches.add("UPDATE country SET name = ?, native_name = ? WHERE id = ?");
            for (Row<CountryRecord> row : plan.rows()) {
                if (!writing()) {
                    continue;
                }
                CountryRecord r = row.record();
                if (row.isNew()) {
                    insert.values(row.id(), r.code(), r.name(), r.nativeName());
                } else {
                    update.values(r.name(), r.nativeName(), row.id());
                }
            }
        }
    }

    void sectors(List<Indexed<SectorRecord>> chunk) throws SQLException {
        Plan<SectorRecord> plan = plan("sectors", sectors, chunk, SectorRecord::slug);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO sector (id, slug, name, description) VALUES (?, ?, ?, ?)");
            Batch update = batches.add("UPDATE sector SET name = ?, description = ? WHERE id = ?");
            Batch keyword = batches.add("INSERT INTO sector_keyword (sector_id, keyword) VALUES (?, ?)", insert);
            clearLinks(plan, "DELETE FROM sector_keyword WHERE sector_id = ANY(?)");
            for (Row<SectorRecord> row : plan.rows()) {
                if (!writing()) {
                    continue;
                }
                SectorRecord r = row.record();
                if (row.isNew()) {
                    insert.values(row.id(), r.slug(), r.name(), r.description());
                } else {
                    update.values(r.name(), r.description(), row.id());
                }
                for (String word : distinct(r.keywords())) {
                    keyword.values(row.id(), word);
                }
            }
        }
    }

    void leaders(List<Indexed<LeaderRecord>> chunk) throws SQLException {
        Plan<LeaderRecord> plan = plan("leaders", leaders, chunk, LeaderRecord::slug);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO leader (id, slug, name, native_name, office, country_id, in_office_since) VALUES (?, ?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE leader SET name = ?, native_name = ?, office = ?, country_id = ?, in_office_since = ? WHERE id = ?");
            for (Row<LeaderRecord> row : plan.rows()) {
                LeaderRecord r = row.record();
                Long country = countries.id(r.country(), row.pointer() + "/country");
                if (!writable(country) || !writing()) {
                    continue;
                }
                if (row.isNew()) {
                    insert.values(row.id(), r.slug(), r.name(), r.nativeName(), r.office(), country, r.inOfficeSince());
                } else {
                    update.values(r.name(), r.nativeName(), r.office(), country, r.inOfficeSince(), row.id());
                }
            }
        }
    }

    void sources(List<Indexed<SourceRecord>> chunk) throws SQLException {
        Plan<SourceRecord> plan = plan("sources", sources, chunk, SourceRecord::key);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO source (id, source_key, outlet, title, url, published_on, language) VALUES (?, ?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE source SET outlet = ?, title = ?, url = ?, published_on = ?, language = ? WHERE id = ?");
            for (Row<SourceRecord> row : plan.rows()) {
                SourceRecord r = row.record();
                // The schema allows any URI; like the mutations, only web links (no javascript: for clients to follow).
                if (r.url() != null && !Source.WEB_URL.matcher(r.url()).matches()) {
                    errors.add(row.pointer() + "/url", Source.WEB_URL_MESSAGE);
                }
                if (!writing()) {
                    continue;
                }
                if (row.isNew()) {
                    insert.values(row.id(), r.key(), r.outlet(), r.title(), r.url(), r.publishedOn(), r.language());
                } else {
                    update.values(r.outlet(), r.title(), r.url(), r.publishedOn(), r.language(), row.id());
                }
            }
        }
    }

    void visits(List<Indexed<VisitRecord>> chunk) throws SQLException {
        Plan<VisitRecord> plan = plan("visits", visits, chunk, VisitRecord::key);
        Map<Long, Map<Long, Long>> existingAreas = existingAreas(plan);
        int areasCreated = 0;
        int areasUpdated = 0;
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO visit (id, visit_key, leader_id, host_country_id, start_date, end_date, kind, title, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE visit SET leader_id = ?, host_country_id = ?, start_date = ?, end_date = ?, kind = ?, title = ?, summary = ? WHERE id = ?");
            Batch city = batches.add("INSERT INTO visit_city (visit_id, city_index, name) VALUES (?, ?, ?)", insert);
            Batch source = batches.add("INSERT INTO visit_source (visit_id, source_id) VALUES (?, ?)", insert);
            Batch areaInsert = batches.add("INSERT INTO cooperation_area (id, visit_id, sector_id, status, summary) VALUES (?, ?, ?, ?, ?)", insert);
            Batch areaUpdate = batches.add("UPDATE cooperation_area SET status = ?, summary = ? WHERE id = ?");
            Batch areaDelete = batches.add("DELETE FROM cooperation_area WHERE id = ?");
            clearLinks(plan, "DELETE FROM visit_city WHERE visit_id = ANY(?)");
            clearLinks(plan, "DELETE FROM visit_source WHERE visit_id = ANY(?)");
            for (Row<VisitRecord> row : plan.rows()) {
                VisitRecord r = row.record();
                String at = row.pointer();
                Long leader = leaders.id(r.leader(), at + "/leader");
                Long host = countries.id(r.hostCountry(), at + "/hostCountry");
                if (r.endDate() != null && r.startDate() != null && r.endDate().isBefore(r.startDate())) {
                    errors.add(at + "/endDate", "must not be before startDate");
                }
                Set<Long> sourceIds = refs(sources, r.sources(), at + "/sources");
                List<AreaRecord> areas = r.sectors() == null ? List.of() : r.sectors();
                Map<Long, AreaRecord> areaBySector = new LinkedHashMap<>();
                // By slug, not id: after an earlier error every sector of this request has the same PENDING id.
                Set<String> listed = new HashSet<>();
                for (int i = 0; i < areas.size(); i++) {
                    String slug = areas.get(i).sector();
                    Long sector = sectors.id(slug, at + "/sectors/" + i + "/sector");
                    if (slug != null && !listed.add(slug)) {
                        errors.add(at + "/sectors/" + i + "/sector", "sector \"" + slug
                                + "\" is listed twice; a visit has at most one cooperation area per sector");
                    } else if (writable(sector)) {
                        areaBySector.put(sector, areas.get(i));
                    }
                }
                if (!writable(leader, host) || !writing()) {
                    continue;
                }
                String kind = r.kind() == null ? null : r.kind().name();
                if (row.isNew()) {
                    insert.values(row.id(), r.key(), leader, host, r.startDate(), r.endDate(), kind, r.title(), r.summary());
                } else {
                    update.values(leader, host, r.startDate(), r.endDate(), kind, r.title(), r.summary(), row.id());
                }
                changes.visitChanged(new VisitEvent(row.id(), r.key(), r.leader(), r.hostCountry(),
                        row.isNew() ? ChangeKind.CREATED : ChangeKind.UPDATED));
                List<String> cities = r.cities() == null ? List.of() : r.cities();
                for (int i = 0; i < cities.size(); i++) {
                    city.values(row.id(), i, cities.get(i));
                }
                for (Long sourceId : sourceIds) {
                    source.values(row.id(), sourceId);
                }
                Map<Long, Long> current = new HashMap<>(existingAreas.getOrDefault(row.id(), Map.of()));
                for (Map.Entry<Long, AreaRecord> area : areaBySector.entrySet()) {
                    String status = area.getValue().status() == null ? null : area.getValue().status().name();
                    Long areaId = current.remove(area.getKey());
                    if (areaId == null) {
                        areaInsert.values(ids.next("cooperation_area"), row.id(), area.getKey(), status,
                                area.getValue().summary());
                        areasCreated++;
                    } else {
                        areaUpdate.values(status, area.getValue().summary(), areaId);
                        areasUpdated++;
                    }
                }
                for (Long stale : current.values()) {
                    areaDelete.values(stale);
                }
            }
        }
        add("cooperationAreas", areasCreated, areasUpdated);
    }

    void projects(List<Indexed<ProjectRecord>> chunk) throws SQLException {
        Plan<ProjectRecord> plan = plan("projects", projects, chunk, ProjectRecord::key);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO project (id, project_key, name, sector_id, status, summary) VALUES (?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE project SET name = ?, sector_id = ?, status = ?, summary = ? WHERE id = ?");
            Batch country = batches.add("INSERT INTO project_country (project_id, country_id) VALUES (?, ?)", insert);
            Batch visit = batches.add("INSERT INTO project_visit (project_id, visit_id) VALUES (?, ?)", insert);
            clearLinks(plan, "DELETE FROM project_country WHERE project_id = ANY(?)");
            clearLinks(plan, "DELETE FROM project_visit WHERE project_id = ANY(?)");
            for (Row<ProjectRecord> row : plan.rows()) {
                ProjectRecord r = row.record();
                Long sector = sectors.id(r.sector(), row.pointer() + "/sector");
                Set<Long> countryIds = refs(countries, r.countries(), row.pointer() + "/countries");
                Set<Long> visitIds = refs(visits, r.visits(), row.pointer() + "/visits");
                if (!writable(sector) || !writing()) {
                    continue;
                }
                String status = r.status() == null ? null : r.status().name();
                if (row.isNew()) {
                    insert.values(row.id(), r.key(), r.name(), sector, status, r.summary());
                } else {
                    update.values(r.name(), sector, status, r.summary(), row.id());
                }
                for (Long id : countryIds) {
                    country.values(row.id(), id);
                }
                for (Long id : visitIds) {
                    visit.values(row.id(), id);
                }
            }
        }
    }

    void statements(List<Indexed<StatementRecord>> chunk) throws SQLException {
        Plan<StatementRecord> plan = plan("statements", statements, chunk, StatementKeys::keyOf);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO statement (id, statement_key, speaker_id, quote_text, kind, said_on, language, source_id, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE statement SET speaker_id = ?, quote_text = ?, kind = ?, said_on = ?, language = ?, source_id = ?, visit_id = ? WHERE id = ?");
            Batch sector = batches.add("INSERT INTO statement_sector (statement_id, sector_id) VALUES (?, ?)", insert);
            Batch project = batches.add("INSERT INTO statement_project (statement_id, project_id) VALUES (?, ?)", insert);
            clearLinks(plan, "DELETE FROM statement_sector WHERE statement_id = ANY(?)");
            clearLinks(plan, "DELETE FROM statement_project WHERE statement_id = ANY(?)");
            // H2 only: new texts wait as runs of consecutive ids (listNew), changed ones one row each in
            // the pending list, until the term indexer has indexed their words; the old words of a
            // changed text go now (PostgreSQL indexes the text itself).
            Batch pending = termIndex
                    ? batches.add("INSERT INTO statement_term_pending (statement_id) VALUES (?)", update)
                    : null;
            if (termIndex) {
                clearLinks(plan, "DELETE FROM statement_term WHERE statement_id = ANY(?)");
                clearLinks(plan, "DELETE FROM statement_term_pending WHERE statement_id = ANY(?)");
            }
            for (Row<StatementRecord> row : plan.rows()) {
                StatementRecord r = row.record();
                String at = row.pointer();
                Long speaker = leaders.id(r.speaker(), at + "/speaker");
                Long source = sources.id(r.source(), at + "/source");
                Long visit = visits.id(r.visit(), at + "/visit");
                Set<Long> sectorIds = refs(sectors, r.sectors(), at + "/sectors");
                Set<Long> projectIds = refs(projects, r.projects(), at + "/projects");
                if (!writable(speaker, source) || (r.visit() != null && !writable(visit)) || !writing()) {
                    continue;
                }
                String kind = r.kind() == null ? null : r.kind().name();
                if (row.isNew()) {
                    insert.values(row.id(), row.key(), speaker, r.text(), kind, r.saidOn(), r.language(), source, visit);
                    changes.statementAdded(row.id());
                } else {
                    update.values(speaker, r.text(), kind, r.saidOn(), r.language(), source, visit, row.id());
                }
                for (Long id : sectorIds) {
                    sector.values(row.id(), id);
                }
                for (Long id : projectIds) {
                    project.values(row.id(), id);
                }
                if (pending != null) {
                    if (row.isNew()) {
                        listNew(row.id());
                    } else {
                        pending.values(row.id());
                    }
                }
            }
        }
    }

    /** Extends the current run of new statement ids by {@code id}, or lists the run and starts another. */
    private void listNew(long id) throws SQLException {
        if (newRunLast >= 0 && id == newRunLast + 1) {
            newRunLast = id;
            return;
        }
        listNewRun();
        newRunFirst = id;
        newRunLast = id;
    }

    private void listNewRun() throws SQLException {
        if (newRunFirst < 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO statement_term_pending_range (first_id, last_id) VALUES (?, ?)")) {
            insert.setLong(1, newRunFirst);
            insert.setLong(2, newRunLast);
            insert.executeUpdate();
        }
        newRunFirst = -1;
        newRunLast = -1;
    }

    /** Writes what the writer still holds back (the last run of new statement ids); called once, after all records. */
    void finish() throws SQLException {
        if (writing()) {
            listNewRun();
        }
    }

    void milestones(List<Indexed<MilestoneRecord>> chunk) throws SQLException {
        Plan<MilestoneRecord> plan = plan("milestones", milestones, chunk, MilestoneRecord::key);
        try (Batches batches = new Batches()) {
            Batch insert = batches.add("INSERT INTO milestone (id, milestone_key, title, start_year, end_year, summary) VALUES (?, ?, ?, ?, ?, ?)");
            Batch update = batches.add("UPDATE milestone SET title = ?, start_year = ?, end_year = ?, summary = ? WHERE id = ?");
            Batch country = batches.add("INSERT INTO milestone_country (milestone_id, country_id) VALUES (?, ?)", insert);
            Batch source = batches.add("INSERT INTO milestone_source (milestone_id, source_id) VALUES (?, ?)", insert);
            clearLinks(plan, "DELETE FROM milestone_country WHERE milestone_id = ANY(?)");
            clearLinks(plan, "DELETE FROM milestone_source WHERE milestone_id = ANY(?)");
            for (Row<MilestoneRecord> row : plan.rows()) {
                MilestoneRecord r = row.record();
                Set<Long> countryIds = refs(countries, r.countries(), row.pointer() + "/countries");
                Set<Long> sourceIds = refs(sources, r.sources(), row.pointer() + "/sources");
                if (r.endYear() != null && r.year() != null && r.endYear() < r.year()) {
                    errors.add(row.pointer() + "/endYear", "must not be before year");
                }
                if (!writing()) {
                    continue;
                }
                if (row.isNew()) {
                    insert.values(row.id(), r.key(), r.title(), r.year(), r.endYear(), r.summary());
                } else {
                    update.values(r.title(), r.year(), r.endYear(), r.summary(), row.id());
                }
                for (Long id : countryIds) {
                    country.values(row.id(), id);
                }
                for (Long id : sourceIds) {
                    source.values(row.id(), id);
                }
            }
        }
    }

    // ---------------------------------------------------------------- planning

    /** One record of a chunk with its id, whether it is new, and its (possibly derived) key. */
    private record Row<R>(String pointer, R record, String key, long id, boolean isNew) {
    }

    /** The rows of one chunk that passed the key checks. */
    private record Plan<R>(List<Row<R>> rows, List<Long> updatedIds) {
    }

    /**
     * Looks up which keys of the chunk exist, assigns ids to new ones and registers every key, so later
     * records can refer to it. Duplicate keys within one import are errors.
     */
    private <R> Plan<R> plan(String type, Refs registry, List<Indexed<R>> chunk, Function<R, String> keyOf)
            throws SQLException {
        Set<String> typeSeen = seen.computeIfAbsent(type, t -> new HashSet<>());
        List<String> keys = new ArrayList<>(chunk.size());
        for (Indexed<R> item : chunk) {
            keys.add(keyOf.apply(item.record()));
        }
        Map<String, Long> existing = registry.lookup(keys);
        List<Row<R>> rows = new ArrayList<>(chunk.size());
        List<Long> updated = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Indexed<R> item = chunk.get(i);
            String key = keys.get(i);
            if (!typeSeen.add(key)) {
                errors.add(item.pointer() + "/key", "duplicate key \"" + key + "\" in this request");
                continue;
            }
            Long id = existing.get(key);
            boolean isNew = id == null;
            if (isNew && writing()) {
                id = ids.next(registry.table);
            }
            if (!writing()) {
                registry.ids.put(key, PENDING);
                rows.add(new Row<>(item.pointer(), item.record(), key, PENDING, isNew));
                continue;
            }
            registry.ids.put(key, id);
            rows.add(new Row<>(item.pointer(), item.record(), key, id, isNew));
            if (isNew) {
                created++;
            } else {
                updated.add(id);
            }
        }
        add(type, created, updated.size());
        return new Plan<>(rows, updated);
    }

    private void add(String type, int created, int updated) {
        counts.merge(type, new ImportReport.Counts(created, updated),
                (a, b) -> new ImportReport.Counts(a.created() + b.created(), a.updated() + b.updated()));
    }

    /** Removes the link rows of the updated records, which are then written afresh. */
    private void clearLinks(Plan<?> plan, String sql) throws SQLException {
        if (plan.updatedIds().isEmpty() || !writing()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setArray(1, connection.createArrayOf("BIGINT", plan.updatedIds().toArray()));
            delete.executeUpdate();
        }
    }

    /** The cooperation areas of the updated visits: visit id → (sector id → area id). */
    private Map<Long, Map<Long, Long>> existingAreas(Plan<VisitRecord> plan) throws SQLException {
        Map<Long, Map<Long, Long>> areas = new HashMap<>();
        if (plan.updatedIds().isEmpty() || !writing()) {
            return areas;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT visit_id, sector_id, id FROM cooperation_area WHERE visit_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("BIGINT", plan.updatedIds().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    areas.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
                }
            }
        }
        return areas;
    }

    private Set<Long> refs(Refs registry, List<String> keys, String pointer) throws SQLException {
        Set<Long> result = new LinkedHashSet<>();
        if (keys == null) {
            return result;
        }
        for (int i = 0; i < keys.size(); i++) {
            Long id = registry.id(keys.get(i), pointer + "/" + i);
            if (id != null && id != PENDING) {
                result.add(id);
            }
        }
        return result;
    }

    private static boolean writable(Long... references) {
        for (Long id : references) {
            if (id == null || id == PENDING) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> distinct(List<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }

    // ---------------------------------------------------------------- references

    /** Natural key → id of one record type: from this request first, then from the database. */
    final class Refs {
        final String table;
        private final String keyColumn;
        final Map<String, Long> ids = new HashMap<>();
        /** Whether the table held no rows when this request first looked: then no key can exist in it. */
        private Boolean startedEmpty;

        Refs(String table, String keyColumn) {
            this.table = table;
            this.keyColumn = keyColumn;
        }

        /** The id of {@code key}; reports an error at {@code pointer} when nothing has that key. */
        Long id(String key, String pointer) throws SQLException {
            if (key == null) {
                return null;
            }
            Long id = ids.get(key);
            if (id == null && !ids.containsKey(key)) {
                id = lookup(List.of(key)).get(key);
                ids.put(key, id);
            }
            if (id == null) {
                errors.add(pointer, "unknown reference \"" + key + "\": no " + table.replace('_', ' ')
                        + " has this key");
            }
            return id;
        }

        /** The ids of those keys that exist in the database. */
        Map<String, Long> lookup(List<String> keys) throws SQLException {
            Map<String, Long> found = new HashMap<>();
            if (startedEmpty == null) {
                try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM " + table + " LIMIT 1");
                        ResultSet rs = any.executeQuery()) {
                    startedEmpty = !rs.next();
                }
            }
            if (startedEmpty) {
                return found; // a bulk load into an empty table skips the per-chunk key look-ups
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + keyColumn + ", id FROM " + table + " WHERE " + keyColumn + " = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("VARCHAR", keys.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return found;
        }
    }

    // ---------------------------------------------------------------- batching

    /**
     * The batched statements of one record type. Rows of a link table may only reach the database
     * after the rows they point at, so each batch flushes its parent first, and the group flushes in
     * the order the batches were added.
     */
    private final class Batches implements AutoCloseable {
        private final List<Batch> all = new ArrayList<>();

        Batch add(String sql) throws SQLException {
            return add(sql, null);
        }

        Batch add(String sql, Batch parent) throws SQLException {
            Batch batch = new Batch(connection.prepareStatement(sql), parent, sql);
            all.add(batch);
            return batch;
        }

        @Override
        public void close() throws SQLException {
            try {
                for (Batch batch : all) {
                    batch.flush();
                }
            } finally {
                for (Batch batch : all) {
                    batch.close();
                }
            }
        }
    }

    /**
     * A statement whose rows reach the database in groups: INSERTs as multi-row
     * {@code INSERT ... VALUES (...), (...)} of {@value #ROWS_PER_INSERT} rows, which costs the database
     * far less per row than single-row batches; the remainder, and other statements, as JDBC batches.
     */
    private final class Batch {
        private final PreparedStatement statement;
        private final Batch parent;
        private final String multiRowSql;
        private final int columns;
        private PreparedStatement multiRow;
        private final List<Object[]> rows = new ArrayList<>();
        private int pending;

        Batch(PreparedStatement statement, Batch parent, String sql) {
            this.statement = statement;
            this.parent = parent;
            int values = sql.indexOf(" VALUES (");
            if (sql.startsWith("INSERT") && values > 0) {
                String tuple = sql.substring(values + " VALUES ".length());
                this.columns = (int) tuple.chars().filter(c -> c == '?').count();
                this.multiRowSql = sql.substring(0, values) + " VALUES " + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, tuple));
            } else {
                this.columns = 0;
                this.multiRowSql = null;
            }
        }

        void values(Object... values) throws SQLException {
            if (multiRowSql != null) {
                rows.add(values);
                if (rows.size() == ROWS_PER_INSERT) {
                    if (parent != null) {
                        parent.flush();
                    }
                    if (multiRow == null) {
                        multiRow = connection.prepareStatement(multiRowSql);
                    }
                    int index = 1;
                    for (Object[] row : rows) {
                        for (Object value : row) {
                            bind(multiRow, index++, value);
                        }
                    }
                    multiRow.executeUpdate();
                    rows.clear();
                }
                return;
            }
            add(values);
        }

        private void add(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                bind(statement, i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (parent != null) {
                parent.flush();
            }
            if (!rows.isEmpty()) {
                List<Object[]> remainder = new ArrayList<>(rows);
                rows.clear();
                for (Object[] row : remainder) {
                    add(row);
                }
            }
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        void close() throws SQLException {
            try {
                statement.close();
            } finally {
                if (multiRow != null) {
                    multiRow.close();
                }
            }
        }

        private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value == null) {
                statement.setObject(index, null);
            } else if (value instanceof String s) {
                statement.setString(index, s);
            } else if (value instanceof Long l) {
                statement.setLong(index, l);
            } else if (value instanceof Integer n) {
                statement.setInt(index, n);
            } else if (value instanceof LocalDate d) {
                statement.setObject(index, d);
            } else {
                throw new IllegalArgumentException("cannot bind " + value.getClass());
            }
        }
    }
}
