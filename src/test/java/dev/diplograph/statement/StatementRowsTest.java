package dev.diplograph.statement;

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

import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

import dev.diplograph.leader.Leader;
import dev.diplograph.support.TestFixtures;
import dev.diplograph.visit.CooperationArea;
import dev.diplograph.visit.VisitService;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The area quotes of a traversal are built from scalar columns ({@link Statement#ROWS}), not loaded
 * as entities: they must equal, field by field, what Hibernate's mapping of the entity loads.
 */
@QuarkusTest
class StatementRowsTest {

    @Inject
    StatementService statements;

    @Inject
    VisitService visits;

    /**
     * The entity's persistent fields: declared, not static, not transient, not added by Hibernate's
     * bytecode enhancement (Quarkus also narrows the visibility of entity fields, hence setAccessible).
     */
    static List<Field> persistentFields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : Statement.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                    && !field.getName().startsWith("$$_") && !field.isAnnotationPresent(Transient.class)) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    @Test
    void theRowMappingReadsEveryMappedColumn() {
        Set<String> mapped = new HashSet<>();
        for (Field field : persistentFields()) {
            Column column = field.getAnnotation(Column.class);
            mapped.add(column != null && !column.name().isEmpty() ? column.name() : field.getName());
        }
        assertEquals(mapped, Statement.ROWS.columns().keySet());
    }

    @Test
    void areaQuotesBuiltFromRowsEqualTheLoadedEntities() throws Exception {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            Leader leader = Leader.findBySlug(TestFixtures.LEADER).orElseThrow();
            List<CooperationArea> areas = visits.areas(visits.forLeaders(List.of(leader), 3).get(0)).stream()
                    .flatMap(List::stream).toList();
            List<Statement> built = statements.forAreas(areas, TestFixtures.QUOTES_PER_AREA).stream()
                    .flatMap(List::stream).toList();
            assertEquals(3 * TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA, built.size());
            Map<Long, Statement> loaded = Statement.withIds(built.stream().map(s -> s.id).toList()).stream()
                    .collect(Collectors.toMap(s -> s.id, Function.identity()));
            assertEquals(built.size(), loaded.size());
            Set<String> seenNonNull = new HashSet<>();
            for (Statement row : built) {
                Statement entity = loaded.get(row.id);
                assertNotNull(entity, "no entity for " + row.id);
                for (Field field : persistentFields()) {
                    Object expected = field.get(entity);
                    assertEquals(expected, field.get(row), field.getName() + " of " + entity.key);
                    if (expected != null) {
                        seenNonNull.add(field.getName());
                    }
                }
            }
            // Every column was compared on real values at least once, not only on nulls.
            assertTrue(seenNonNull.containsAll(persistentFields().stream().map(Field::getName).toList()),
                    "fields never set in the fixture: " + seenNonNull);
        } finally {
            context.terminate();
        }
    }
}
