package dev.diplograph.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Transient;

import dev.diplograph.graph.Rows;

/**
 * Checks a {@link Rows} mapping against the entity mapping it stands in for: it reads every mapped
 * column, and the instances it builds equal, field by field, what Hibernate loads.
 */
public final class RowMappings {

    private RowMappings() {
    }

    /**
     * The entity's persistent fields: declared, not static, not transient, not added by Hibernate's
     * bytecode enhancement (Quarkus also narrows the visibility of entity fields, hence setAccessible).
     */
    public static List<Field> persistentFields(Class<?> entity) {
        List<Field> fields = new ArrayList<>();
        for (Field field : entity.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                    && !field.getName().startsWith("$$_") && !field.isAnnotationPresent(Transient.class)) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    /** Fails unless {@code rows} selects exactly the columns the entity maps. */
    public static void assertReadsEveryMappedColumn(Class<?> entity, Rows<?> rows) {
        Set<String> mapped = new HashSet<>();
        for (Field field : persistentFields(entity)) {
            Column column = field.getAnnotation(Column.class);
            mapped.add(column != null && !column.name().isEmpty() ? column.name() : field.getName());
        }
        assertEquals(mapped, rows.columns().keySet());
    }

    /**
     * Fails unless every built row equals the entity {@code load} returns for its id (Hibernate's mapping)
     * in every persistent field, and every field was compared on a real value at least once, not only on
     * nulls.
     */
    public static <T> void assertRowsEqualEntities(Class<T> entity, List<T> built, Function<List<Long>, List<T>> load,
            Function<T, Long> id) throws IllegalAccessException {
        Map<Long, T> loaded = load.apply(built.stream().map(id).toList()).stream()
                .collect(Collectors.toMap(id, Function.identity()));
        assertEquals(built.size(), loaded.size(), "rows without an entity, or the other way round");
        Set<String> seenNonNull = new HashSet<>();
        for (T row : built) {
            T expected = loaded.get(id.apply(row));
            assertNotNull(expected, "no entity for " + id.apply(row));
            for (Field field : persistentFields(entity)) {
                Object value = field.get(expected);
                assertEquals(value, field.get(row), field.getName() + " of " + id.apply(row));
                if (value != null) {
                    seenNonNull.add(field.getName());
                }
            }
        }
        assertTrue(seenNonNull.containsAll(persistentFields(entity).stream().map(Field::getName).toList()),
                "fields never set in the fixture: " + seenNonNull);
    }
}
