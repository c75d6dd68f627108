package dev.diplograph.dataset;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.dialect.Dialect;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.JsonParserLimits;
import dev.diplograph.live.ChangeFeed;
import dev.diplograph.live.ChangeKind;
import dev.diplograph.live.VisitEvent;
import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Transactions;
import dev.diplograph.statement.QuoteTermIndexer;

/**
 * Imports visits-dataset/1 documents: streams the document, checks each item against the JSON
 * Schema and every cross-reference, and upserts everything in one transaction, so that either all
 * of it lands or nothing does.
 */
@ApplicationScoped
public class DatasetService {

    private static final int CHUNK = 1000;
    /** Chunks parsed ahead of the writer, at most. */
    private static final int QUEUE_CHUNKS = 4;

    private final DatasetSchema schema;
    private final ObjectMapper mapper;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final QuoteTermIndexer termIndexer;
    private final Database.Kind databaseKind;
    private final ChangeFeed changeFeed;
    private final int importTimeoutSeconds;
    private final Transactions transactions;

    public DatasetService(DatasetSchema schema, ObjectMapper mapper, Database database,
            QuoteTermIndexer termIndexer, ChangeFeed changeFeed, DiplographConfig config, Transactions transactions) {
        this.transactions = transactions;
        this.importTimeoutSeconds = config.datasets().importTimeoutSeconds();
        this.changeFeed = changeFeed;
        this.termIndexer = termIndexer;
        this.schema = schema;
        this.mapper = mapper;
        this.dataSource = database.dataSource();
        this.dialect = database.dialect();
        this.databaseKind = database.kind();
    }

    /**
     * Imports a document held in a file (the REST endpoint spools request bodies to one). A dry run
     * does every check and every write, then rolls the transaction back, so its report says what the
     * import would create and update.
     *
     * @throws MalformedDatasetException when the file is not well-formed JSON (or not UTF-8)
     * @throws InvalidDatasetException listing every schema and reference problem; nothing is written
     */
    public ImportReport importFile(Path file, boolean dryRun) {
        try {
            return transactions.write(importTimeoutSeconds, () -> {
                ImportReport report = importInto(file);
                if (dryRun) {
                    throw new DryRunDone(report.asDryRun()); // leaving with it rolls the transaction back
                }
                return report;
            });
        } catch (DryRunDone done) {
            return done.report;
        }
    }

    /** Carries a dry run's report out of its transaction, which a runtime exception rolls back. */
    private static final class DryRunDone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        DryRunDone(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /**
     * {@link #importFile} inside the caller's transaction (whose timeout the caller sets: Narayana
     * allows a timeout only where a transaction starts), e.g. the seed loader's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportReport importFileInCurrentTransaction(Path file) {
        return importInto(file);
    }

    private ImportReport importInto(Path file) {
        long start = System.nanoTime();
        termIndexer.enterStatementWrites();
        ImportErrors errors = new ImportErrors();
        try {
            List<String> order = scanTopLevel(file, errors);
            try (Connection connection = dataSource.getConnection()) {
                forgetPlans(connection);
                DatasetWriter writer = new DatasetWriter(connection, dialect, databaseKind == Database.Kind.H2, errors, changeFeed.changes());
                for (Set<String> pass : passes(order)) {
                    applyPass(file, pass, writer, errors);
                }
                writer.finish();
                errors.throwIfAny();
                DataVersion.bump(connection);
                refreshStatistics(connection, writer.counts());
                return new ImportReport(writer.counts(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            throw new MalformedDatasetException("The body is not valid UTF-8: " + e.getMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Database failure during import", e);
        }
    }

    /**
     * On PostgreSQL, drops the plans this pooled connection has cached, among them those of the
     * foreign-key checks. A connection that checked keys while the tables were nearly empty (the seed
     * loader's) keeps sequential scans for them, and an import then checked every new row by scanning
     * a table it was itself filling: 170–250 s instead of 11–15 s for 120,000 statements
     * (docs/benchmarks.md). The checks are planned again at their first use in the import.
     */
    private void forgetPlans(Connection connection) throws SQLException {
        if (databaseKind == Database.Kind.POSTGRESQL) {
            try (Statement discard = connection.createStatement()) {
                discard.execute("DISCARD PLANS");
            }
        }
    }

    /** Statements created by one import above which PostgreSQL's statistics are refreshed at once. */
    static final int ANALYZE_AFTER = 10_000;

    /**
     * After a bulk import into PostgreSQL, refreshes the planner's statistics of the statement table
     * in the same transaction, so that the first searches already know which words are rare (the
     * autovacuum daemon would do it only a minute or more later).
     */
    private void refreshStatistics(Connection connection, Map<String, ImportReport.Counts> counts)
            throws SQLException {
        ImportReport.Counts statements = counts.get("statements");
        if (databaseKind == Database.Kind.POSTGRESQL && statements != null && statements.created() >= ANALYZE_AFTER) {
            try (PreparedStatement analyze = connection.prepareStatement("ANALYZE statement")) {
                analyze.execute();
            }
        }
    }

    /**
     * Applies an in-memory document (seed data, GraphQL mutations, ingested statements) through the
     * same checks and the same write path as a file import.
     */
    public ImportReport apply(DatasetDocument doc) {
        return transactions.write(() -> applyNow(doc));
    }

    private ImportReport applyNow(DatasetDocument doc) {
        long start = System.nanoTime();
        termIndexer.enterStatementWrites();
        ImportErrors errors = new ImportErrors();
        if (!DatasetDocument.FORMAT.equals(doc.format())) {
            errors.add("/format", "must be \"" + DatasetDocument.FORMAT + "\"");
        }
        validate(errors, "countries", doc.countries());
        validate(errors, "sectors", doc.sectors());
        validate(errors, "leaders", doc.leaders());
        validate(errors, "sources", doc.sources());
        validate(errors, "visits", doc.visits());
        validate(errors, "projects", doc.projects());
        validate(errors, "statements", doc.statements());
        validate(errors, "milestones", doc.milestones());
        errors.throwIfAny();
        try (Connection connection = dataSource.getConnection()) {
            DatasetWriter writer = new DatasetWriter(connection, dialect, databaseKind == Database.Kind.H2, errors, changeFeed.changes());
            write(writer, "countries", doc.countries(), writer::countries);
            write(writer, "sectors", doc.sectors(), writer::sectors);
            write(writer, "leaders", doc.leaders(), writer::leaders);
            write(writer, "sources", doc.sources(), writer::sources);
            write(writer, "visits", doc.visits(), writer::visits);
            write(writer, "projects", doc.projects(), writer::projects);
            write(writer, "statements", doc.statements(), writer::statements);
            write(writer, "milestones", doc.milestones(), writer::milestones);
            writer.finish();
            errors.throwIfAny();
            DataVersion.bump(connection);
            return new ImportReport(writer.counts(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Database failure while writing records", e);
        }
    }

    /**
     * Checks records that did not come from a document (GraphQL inputs, ingested statements) against
     * the same schema as an import, so that whatever is written can be exported and imported again.
     */
    private <R> void validate(ImportErrors errors, String array, List<R> records) {
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            String pointer = "/" + array + "/" + i;
            errors.addAll(schema.validateItem(array, pointer, mapper.valueToTree(records.get(i))));
        }
    }

    /**
     * Creates or updates one cooperation area of a visit, leaving the visit's other areas alone.
     *
     * @throws BadUserInputException when the visit or the sector does not exist
     */
    public void setArea(String visitKey, AreaRecord area) {
        transactions.write(() -> {
            setAreaNow(visitKey, area);
            return null;
        });
    }

    private void setAreaNow(String visitKey, AreaRecord area) {
        try (Connection connection = dataSource.getConnection()) {
            Long visit = single(connection, "SELECT id FROM visit WHERE visit_key = ?", visitKey);
            if (visit == null) {
                throw new BadUserInputException("unknown visit \"" + visitKey + "\"", "visit");
            }
            Long sector = single(connection, "SELECT id FROM sector WHERE slug = ?", area.sector());
            if (sector == null) {
                throw new BadUserInputException("unknown sector \"" + area.sector() + "\"", "input.sector");
            }
            String status = area.status() == null ? null : area.status().name();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE cooperation_area SET status = ?, summary = ? WHERE visit_id = ? AND sector_id = ?")) {
                update.setString(1, status);
                update.setString(2, area.summary());
                update.setLong(3, visit);
                update.setLong(4, sector);
                if (update.executeUpdate() > 0) {
                    areaChanged(connection, visit);
                    DataVersion.bump(connection);
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO cooperation_area (id, visit_id, sector_id, status, summary) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, new IdAllocator(connection, dialect).next("cooperation_area"));
                insert.setLong(2, visit);
                insert.setLong(3, sector);
                insert.setString(4, status);
                insert.setString(5, area.summary());
                insert.executeUpdate();
            }
            areaChanged(connection, visit);
            DataVersion.bump(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Database failure while writing a cooperation area", e);
        }
    }

    private void areaChanged(Connection connection, long visit) throws SQLException {
        VisitEvent event = VisitEvent.of(connection, visit, ChangeKind.UPDATED);
        if (event != null) {
            changeFeed.changes().visitChanged(event);
        }
    }

    private static Long single(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Writes one type's records in chunks. */
    private interface ChunkWriter<R> {
        void write(List<Indexed<R>> chunk) throws SQLException;
    }

    private static <R> void write(DatasetWriter writer, String array, List<R> records, ChunkWriter<R> sink)
            throws SQLException {
        if (records == null) {
            return;
        }
        List<Indexed<R>> chunk = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            chunk.add(new Indexed<>("/" + array + "/" + i, records.get(i)));
            if (chunk.size() == CHUNK) {
                sink.write(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            sink.write(chunk);
        }
    }

    // ---------------------------------------------------------------- streaming

    /**
     * Reads the top level without descending into the arrays: checks it against the schema and
     * returns the order in which the arrays appear.
     */
    private List<String> scanTopLevel(Path file, ImportErrors errors) throws IOException {
        List<String> order = new ArrayList<>();
        ObjectNode skeleton = mapper.createObjectNode();
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            // A name twice in one object is refused before anything is written: a tree keeps the last value.
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedDatasetException("The document must be a JSON object.", parser.currentLocation());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (DatasetSchema.ARRAYS.containsKey(name) && value == JsonToken.START_ARRAY) {
                    order.add(name);
                    skeleton.putArray(name);
                    parser.skipChildren();
                } else {
                    skeleton.set(name, mapper.readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedDatasetException("Unexpected content after the document's closing brace.",
                        parser.currentLocation());
            }
        }
        errors.addAll(schema.validateTopLevel(skeleton));
        return order;
    }

    /**
     * One pass when the arrays already come in dependency order (as exports do); otherwise one pass
     * per array, in dependency order.
     */
    private static List<Set<String>> passes(List<String> order) {
        List<String> dependencyOrder = new ArrayList<>(DatasetSchema.ARRAYS.keySet());
        dependencyOrder.retainAll(order);
        if (dependencyOrder.equals(order)) {
            return List.of(Set.copyOf(order));
        }
        return dependencyOrder.stream().map(Set::of).toList();
    }

    /**
     * Applies the arrays of one pass. A parser thread reads, schema-checks and maps the items while
     * this thread (which owns the transaction) writes them; a bounded queue of chunks between the two
     * keeps memory flat whatever the document's size.
     */
    private void applyPass(Path file, Set<String> arrays, DatasetWriter writer, ImportErrors errors)
            throws IOException, SQLException {
        BlockingQueue<Parsed> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread parserThread = new Thread(() -> parse(file, arrays, queue, cancelled), "dataset-parser");
        parserThread.setDaemon(true);
        parserThread.start();
        Map<String, Sink> sinks = sinks(writer);
        try {
            while (true) {
                Parsed chunk = take(queue);
                if (chunk.failure() != null) {
                    rethrow(chunk.failure());
                }
                if (chunk.array() == null) {
                    return;
                }
                errors.addAll(chunk.problems());
                Sink sink = sinks.get(chunk.array());
                chunk.reserved().forEach(key -> sink.refs().ids.put(key, -1L));
                sink.write(chunk.items());
            }
        } finally {
            cancelled.set(true);
            queue.clear();
        }
    }

    /** One chunk from the parser thread: items that passed the schema, problems, keys of failed items. */
    private record Parsed(String array, List<Indexed<Object>> items, List<DatasetError> problems, List<String> reserved,
            Throwable failure) {

        static Parsed end() {
            return new Parsed(null, List.of(), List.of(), List.of(), null);
        }

        static Parsed failed(Throwable failure) {
            return new Parsed(null, List.of(), List.of(), List.of(), failure);
        }
    }

    /** Runs on the parser thread: streams the arrays of one pass into chunks. */
    private void parse(Path file, Set<String> arrays, BlockingQueue<Parsed> queue, AtomicBoolean cancelled) {
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME && !cancelled.get()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (arrays.contains(name) && value == JsonToken.START_ARRAY) {
                    parseArray(parser, name, queue, cancelled);
                } else {
                    parser.skipChildren();
                }
            }
            put(queue, Parsed.end(), cancelled);
        } catch (Throwable t) {
            put(queue, Parsed.failed(t), cancelled);
        }
    }

    private void parseArray(JsonParser parser, String array, BlockingQueue<Parsed> queue, AtomicBoolean cancelled)
            throws IOException {
        Class<?> type = RECORD_TYPES.get(array);
        String keyField = KEY_FIELDS.get(array);
        List<Indexed<Object>> items = new ArrayList<>(CHUNK);
        List<DatasetError> problems = new ArrayList<>();
        List<String> reserved = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String pointer = "/" + array + "/" + index++;
            JsonNode item = mapper.readTree(parser);
            List<DatasetError> itemProblems = schema.validateItem(array, pointer, item);
            if (itemProblems.isEmpty()) {
                items.add(new Indexed<>(pointer, mapper.treeToValue(item, type)));
            } else if (problems.size() < ImportErrors.MAX) {
                problems.addAll(itemProblems);
                JsonNode key = item.get(keyField);
                if (key != null && key.isTextual()) {
                    reserved.add(key.asText());
                }
            }
            if (items.size() == CHUNK) {
                put(queue, new Parsed(array, items, problems, reserved, null), cancelled);
                items = new ArrayList<>(CHUNK);
                problems = new ArrayList<>();
                reserved = new ArrayList<>();
            }
        }
        put(queue, new Parsed(array, items, problems, reserved, null), cancelled);
    }

    private static void put(BlockingQueue<Parsed> queue, Parsed chunk, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get() && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Parsed take(BlockingQueue<Parsed> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof java.lang.Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** Where the records of one array go: the writer method and the key registry of their type. */
    private record Sink(ChunkWriter<Object> writer, DatasetWriter.Refs refs) {
        void write(List<Indexed<Object>> items) throws SQLException {
            if (!items.isEmpty()) {
                writer.write(items);
            }
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Sink sink(ChunkWriter<?> writer, DatasetWriter.Refs refs) {
        return new Sink((ChunkWriter) writer, refs);
    }

    private static Map<String, Sink> sinks(DatasetWriter w) {
        Map<String, Sink> map = new LinkedHashMap<>();
        map.put("countries", sink((ChunkWriter<CountryRecord>) w::countries, w.countries));
        map.put("sectors", sink((ChunkWriter<SectorRecord>) w::sectors, w.sectors));
        map.put("leaders", sink((ChunkWriter<LeaderRecord>) w::leaders, w.leaders));
        map.put("sources", sink((ChunkWriter<SourceRecord>) w::sources, w.sources));
        map.put("visits", sink((ChunkWriter<VisitRecord>) w::visits, w.visits));
        map.put("projects", sink((ChunkWriter<ProjectRecord>) w::projects, w.projects));
        map.put("statements", sink((ChunkWriter<StatementRecord>) w::statements, w.statements));
        map.put("milestones", sink((ChunkWriter<MilestoneRecord>) w::milestones, w.milestones));
        return map;
    }

    private static final Map<String, Class<?>> RECORD_TYPES = Map.of(
            "countries", CountryRecord.class, "sectors", SectorRecord.class, "leaders", LeaderRecord.class,
            "sources", SourceRecord.class, "visits", VisitRecord.class, "projects", ProjectRecord.class,
            "statements", StatementRecord.class, "milestones", MilestoneRecord.class);

    private static final Map<String, String> KEY_FIELDS = Map.of(
            "countries", "code", "sectors", "slug", "leaders", "slug", "sources", "key", "visits", "key",
            "projects", "key", "statements", "key", "milestones", "key");

    private static MalformedDatasetException malformed(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException limit) {
            return new MalformedDatasetException("The document " + JsonParserLimits.passed(limit), e.getLocation());
        }
        if (e instanceof JsonParseException && detail != null && detail.contains("UTF-8")) {
            return new MalformedDatasetException("The body is not valid UTF-8: " + detail, e.getLocation());
        }
        if (e instanceof JsonParseException && detail != null && detail.startsWith("Duplicate field")) {
            return new MalformedDatasetException("An object names the same property twice, so which value is meant is"
                    + " unknown: " + detail + ".", e.getLocation());
        }
        return new MalformedDatasetException("The body is not well-formed JSON: " + detail, e.getLocation());
    }

}
