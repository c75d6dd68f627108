package dev.diplograph.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import dev.diplograph.config.Resources;
import dev.diplograph.persistence.StorableText;

/**
 * The visits-dataset/1 JSON Schema (2020-12), compiled once with the networknt validator. Documents
 * are checked piece by piece, each array item against its {@code $defs} entry, so that a large
 * document never has to be held in memory as one tree.
 */
@ApplicationScoped
public class DatasetSchema {

    /** "does not match the date pattern must be a valid RFC 3339 full-date": the validator's two sentences run together. */
    private static final Pattern FORMAT = Pattern.compile("does not match the ([\\w-]+) pattern (must be .+)");

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
    private final Set<String> dateProperties;

    public DatasetSchema() {
        String text = Resources.text(RESOURCE);
        this.dateProperties = dateProperties(text);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ID, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .pathType(PathType.JSON_POINTER)
                                .build()));
        this.document = registry.getSchema(SchemaLocation.of(ID));
        ARRAYS.forEach((array, def) -> items.put(array, registry.getSchema(SchemaLocation.of(ID + "#/$defs/" + def))));
    }

    /**
     * Checks one item of a top-level array against the schema and, when it passes, against what the
     * databases can store; pointers are made absolute with {@code at}.
     */
    List<DatasetError> validateItem(String array, String at, JsonNode item) {
        List<DatasetError> errors = convert(items.get(array).validate(item), at);
        if (errors.isEmpty() && !storable(item, null)) {
            unstorable(item, null, at, errors);
        }
        return errors;
    }

    /**
     * Whether every value of {@code node} can be stored as sent: text without U+0000 or lone
     * surrogates ({@link StorableText}), and no date in year 0000, which the schema's pattern admits
     * but PostgreSQL's calendar lacks (its driver then fails to read the row back, and every export
     * with it). Builds no pointers or messages, as it runs on every item of an import.
     */
    private boolean storable(JsonNode node, String property) {
        if (node.isTextual()) {
            return StorableText.firstUnstorable(node.textValue()) < 0 && !isYearZero(property, node.textValue());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storable(element, property)) {
                    return false;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!storable(field.getValue(), field.getKey())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Lists what {@link #storable} refuses, each at its pointer. */
    private void unstorable(JsonNode node, String property, String pointer, List<DatasetError> errors) {
        if (node.isTextual()) {
            String text = node.textValue();
            int at = StorableText.firstUnstorable(text);
            if (at >= 0) {
                errors.add(new DatasetError(pointer, StorableText.problem(text, at)));
            } else if (isYearZero(property, text)) {
                errors.add(new DatasetError(pointer, "must be a date from 0001-01-01 on: there is no year 0000 in the "
                        + "calendar PostgreSQL stores"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), property, pointer + "/" + i, errors);
            }
        } else if (node.isObject()) {
            // the schema admits only its own property names, which need no escaping in a pointer
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                unstorable(field.getValue(), field.getKey(), pointer + "/" + field.getKey(), errors);
            }
        }
    }

    private boolean isYearZero(String property, String text) {
        return property != null && text.startsWith("0000") && dateProperties.contains(property);
    }

    /** The names of the properties whose schema is {@code #/$defs/date}, read from the schema itself. */
    private static Set<String> dateProperties(String schemaText) {
        Set<String> names = new HashSet<>();
        try {
            collectDateProperties(new ObjectMapper().readTree(schemaText), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no property of type #/$defs/date");
        }
        return Set.copyOf(names);
    }

    private static void collectDateProperties(JsonNode node, Set<String> names) {
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            properties.properties().forEach(p -> {
                if ("#/$defs/date".equals(p.getValue().path("$ref").asText())) {
                    names.add(p.getKey());
                }
            });
        }
        node.forEach(child -> collectDateProperties(child, names));
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
            message = message.substring(location.length() + 2);
        } else {
            message = message.replaceFirst("^[^ ]*: ", "");
        }
        return plainFormat(message);
    }

    /** A format's message as one sentence, e.g. "must be a valid RFC 3339 full-date (YYYY-MM-DD)". */
    static String plainFormat(String message) {
        Matcher format = FORMAT.matcher(message);
        if (!format.matches()) {
            return message;
        }
        return format.group(2) + ("date".equals(format.group(1)) ? " (YYYY-MM-DD)" : "");
    }
}
