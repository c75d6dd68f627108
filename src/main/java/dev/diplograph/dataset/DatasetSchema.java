package dev.diplograph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * The visits-dataset/1 JSON Schema (2020-12), compiled once with the networknt validator. Documents
 * are checked piece by piece, each array item against its {@code $defs} entry, so that a large
 * document never has to be held in memory as one tree.
 */
@ApplicationScoped
public class DatasetSchema {

    /** The schema's {@code $id}. */
    static final String ID = "urn:visits-dataset:1";
    static final String RESOURCE = "dataset/visits-dataset.schema.json";

    /** Top-level arrays, in the order records must be applied, with the {@code $defs} entry of their items. */
    static final Map<String, String> ARRAYS = new LinkedHashMap<>();

    static {
        ARRAYS.put("countries", "country");
        ARRAYS.put("sectors", "sector");
        ARRAYS.put("leaders", "leader");
        ARRAYS.put("sources", "source");
        ARRAYS.put("visits", "visit");
        ARRAYS.put("projects", "project");
        ARRAYS.put("statements", "statement");
        ARRAYS.put("milestones", "milestone");
    }

    private final Schema document;
    private final Map<String, Schema> items = new LinkedHashMap<>();

    public DatasetSchema() {
        String text = read();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ID, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .pathType(PathType.JSON_POINTER)
                                .build()));
        this.document = registry.getSchema(SchemaLocation.of(ID));
        ARRAYS.forEach((array, def) -> items.put(array, registry.getSchema(SchemaLocation.of(ID + "#/$defs/" + def))));
    }

    private static String read() {
        try (InputStream in = DatasetSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one item of a top-level array; pointers are made absolute with {@code at}. */
    List<DatasetError> validateItem(String array, String at, JsonNode item) {
        return convert(items.get(array).validate(item), at);
    }

    /** Checks the document's top level: arrays are passed in empty, as they are checked item by item. */
    List<DatasetError> validateTopLevel(JsonNode skeleton) {
        return convert(document.validate(skeleton), "");
    }

    private static List<DatasetError> convert(List<Error> errors, String at) {
        List<DatasetError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            String pointer = at + location;
            if (error.getProperty() != null && "required".equals(error.getKeyword())) {
                pointer = pointer + "/" + error.getProperty();
            }
            result.add(new DatasetError(pointer, message(error, location)));
        }
        return result;
    }

    /** The validator's message without its leading location, which the pointer already gives. */
    private static String message(Error error, String location) {
        String message = error.getMessage();
        if (!location.isEmpty() && message.startsWith(location + ": ")) {
            return message.substring(location.length() + 2);
        }
        return message.replaceFirst("^[^ ]*: ", "");
    }
}
