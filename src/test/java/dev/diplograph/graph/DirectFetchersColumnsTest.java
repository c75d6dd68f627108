package dev.diplograph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Name;
import org.junit.jupiter.api.Test;

import io.smallrye.graphql.spi.EventingService;

/**
 * Every column a {@link DirectFetchers} answers must read the Java field SmallRye would have read for
 * that GraphQL field (the field carrying its name, by {@code @Name} or by Java name). Runs on plain
 * instances with a distinct value in every field, so a column wired to the wrong field fails.
 */
class DirectFetchersColumnsTest {

    @SuppressWarnings("unchecked")
    static List<DirectFetchers<Object>> registered() {
        return ServiceLoader.load(EventingService.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(DirectFetchers.class::isInstance)
                .map(service -> (DirectFetchers<Object>) service)
                .toList();
    }

    @Test
    void theTraversalsTypesAreRegistered() {
        Set<String> types = registered().stream().map(DirectFetchers::type).collect(Collectors.toSet());
        assertEquals(Set.of("Statement", "CooperationArea", "Visit", "Leader", "Source", "Sector", "Country"), types);
    }

    @Test
    void everyColumnReadsTheFieldOfItsGraphQLName() throws Exception {
        for (DirectFetchers<Object> fetchers : registered()) {
            Object row = fetchers.rowType().getConstructor().newInstance();
            Map<String, Field> byGraphQLName = new HashMap<>();
            for (Field field : fetchers.rowType().getFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Name name = field.getAnnotation(Name.class);
                byGraphQLName.put(name != null ? name.value() : field.getName(), field);
                Object value = distinctValue(field);
                if (value != null) {
                    field.set(row, value);
                }
            }
            assertFalse(fetchers.columns().isEmpty(), fetchers.type() + " registers no columns");
            for (Map.Entry<String, Function<Object, Object>> column : fetchers.columns().entrySet()) {
                String where = fetchers.type() + "." + column.getKey();
                Field field = byGraphQLName.get(column.getKey());
                assertNotNull(field, where + " has no Java field of that GraphQL name");
                Object expected = field.get(row);
                assertNotNull(expected, where + ": the test gives every column's field a value");
                assertEquals(expected, column.getValue().apply(row), where + " reads another field");
            }
        }
    }

    @Test
    void eachTypeIsAnsweredForItsOwnRows() {
        for (DirectFetchers<Object> fetchers : registered()) {
            assertEquals(fetchers.type(), fetchers.rowType().getSimpleName(), "rows of the wrong class");
        }
    }

    /** A value no other field of the row has: the field's name for text, the last constant for enums. */
    static Object distinctValue(Field field) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return field.getDeclaringClass().getSimpleName() + "." + field.getName();
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        return null;
    }
}
