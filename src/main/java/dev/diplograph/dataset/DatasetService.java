package dev.diplograph.dataset;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;

/**
 * Imports visits-dataset/1 documents: streams the document, checks each item against the JSON
 * Schema and every cross-reference, and upserts everything in one transaction, so that either all
 * of it lands or nothing does.
 */
@ApplicationScoped
public class DatasetService {

    private static final int CHUNK = 1000;

    private final DatasetSchema schema;
    private final ObjectMapper mapper;
    private final DataSource dataSource;
    private final Dialect dialect;

    public DatasetService(DatasetSchema schema, ObjectMapper mapper, DataSource dataSource,
            SessionFactory sessionFactory) {
        this.schema = schema;
        this.mapper = mapper;
        this.dataSource = dataSource;
        this.dialect = sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    /**
     * Imports a document held in a file (the REST endpoint spools request bodies to one).
     *
     * @throws MalformedDatasetException when the file is not well-formed JSON (or not UTF-8)
     * @throws InvalidDatasetException listing every schema and reference problem; nothing is written
     */
    @Transactional
    public ImportReport importFile(Path file) {
        long start = System.nanoTime();
        ImportErrors errors = new ImportErrors();
        try {
            List<String> order = scanTopLevel(file, errors);
            try (Connection connection = dataSource.getConnection()) {
                DatasetWriter writer = new DatasetWriter(connection, dialect, errors);
                for (Set<String> pass : passes(order)) {
                    applyPass(file, pass, writer, errors);
                }
                errors.throwIfAny();
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
     * Applies an in-memory document (seed data, GraphQL mutations, ingested statements) through the
     * same checks and the same write path as a file import.
     */
    @Transactional
    public ImportReport apply(DatasetDocument doc) {
        long start = System.nanoTime();
        ImportErrors errors = new ImportErrors();
        if (!DatasetDocument.FORMAT.equals(doc.format())) {
            errors.add("/format", "must be \"" + DatasetDocument.FORMAT + "\"");
        }
        try (Connection connection = dataSource.getConnection()) {
            DatasetWriter writer = new DatasetWriter(connection, dialect, errors);
            write(writer, "countries", doc.countries(), writer::countries);
            write(writer, "sectors", doc.sectors(), writer::sectors);
            write(writer, "leaders", doc.leaders(), writer::leaders);
            write(writer, "sources", doc.sources(), writer::sources);
            write(writer, "visits", doc.visits(), writer::visits);
            write(writer, "projects", doc.projects(), writer::projects);
            write(writer, "statements", doc.statements(), writer::statements);
            write(writer, "milestones", doc.milestones(), writer::milestones);
            errors.throwIfAny();
            return new ImportReport(writer.counts(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Database failure while writing records", e);
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
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedDatasetException("The document must be a JSON object.", parser.currentLocation());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (DatasetSchema.ARRAYS.containsKey(name) && value == JsonToken.START_ARRAY) {
                    if (order.contains(name)) {
                        errors.add("/" + name, "listed twice in the document");
                    }
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

    private void applyPass(Path file, Set<String> arrays, DatasetWriter writer, ImportErrors errors)
            throws IOException, SQLException {
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (arrays.contains(name) && value == JsonToken.START_ARRAY) {
                    applyArray(parser, name, writer, errors);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void applyArray(JsonParser parser, String array, DatasetWriter writer, ImportErrors errors)
            throws IOException, SQLException {
        Binding<?> binding = bindings(writer).get(array);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String pointer = "/" + array + "/" + index++;
            JsonNode item = mapper.readTree(parser);
            List<DatasetError> problems = schema.validateItem(array, pointer, item);
            if (problems.isEmpty()) {
                binding.add(pointer, item);
            } else {
                errors.addAll(problems);
                binding.reserve(item);
            }
        }
        binding.flush();
    }

    /** How the items of one array become records and reach the writer. */
    private final class Binding<R> {
        private final Class<R> type;
        private final ChunkWriter<R> sink;
        private final DatasetWriter.Refs refs;
        private final String keyField;
        private final List<Indexed<R>> chunk = new ArrayList<>(CHUNK);

        Binding(Class<R> type, ChunkWriter<R> sink, DatasetWriter.Refs refs, String keyField) {
            this.type = type;
            this.sink = sink;
            this.refs = refs;
            this.keyField = keyField;
        }

        void add(String pointer, JsonNode item) throws IOException, SQLException {
            chunk.add(new Indexed<>(pointer, mapper.treeToValue(item, type)));
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        /** Keeps the key of an invalid item known, so records that point at it get no second error. */
        void reserve(JsonNode item) {
            JsonNode key = item.get(keyField);
            if (key != null && key.isTextual()) {
                refs.ids.put(key.asText(), -1L);
            }
        }

        void flush() throws SQLException {
            if (!chunk.isEmpty()) {
                sink.write(chunk);
                chunk.clear();
            }
        }
    }

    private Map<String, Binding<?>> bindings(DatasetWriter w) {
        Map<String, Binding<?>> map = new LinkedHashMap<>();
        map.put("countries", new Binding<>(CountryRecord.class, w::countries, w.countries, "code"));
        map.put("sectors", new Binding<>(SectorRecord.class, w::sectors, w.sectors, "slug"));
        map.put("leaders", new Binding<>(LeaderRecord.class, w::leaders, w.leaders, "slug"));
        map.put("sources", new Binding<>(SourceRecord.class, w::sources, w.sources, "key"));
        map.put("visits", new Binding<>(VisitRecord.class, w::visits, w.visits, "key"));
        map.put("projects", new Binding<>(ProjectRecord.class, w::projects, w.projects, "key"));
        map.put("statements", new Binding<>(StatementRecord.class, w::statements, w.statements, "key"));
        map.put("milestones", new Binding<>(MilestoneRecord.class, w::milestones, w.milestones, "key"));
        return map;
    }

    private static MalformedDatasetException malformed(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        if (e instanceof JsonParseException && detail != null && detail.contains("UTF-8")) {
            return new MalformedDatasetException("The body is not valid UTF-8: " + detail, e.getLocation());
        }
        return new MalformedDatasetException("The body is not well-formed JSON: " + detail, e.getLocation());
    }

}
