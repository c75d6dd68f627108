package dev.diplograph.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.leader.Leader;
import dev.diplograph.support.InRequest;
import dev.diplograph.support.RowMappings;
import dev.diplograph.support.TestFixtures;
import dev.diplograph.visit.CooperationArea;
import dev.diplograph.visit.VisitService;
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

    @Test
    void theRowMappingReadsEveryMappedColumn() {
        RowMappings.assertReadsEveryMappedColumn(Statement.class, Statement.ROWS);
    }

    @Test
    void areaQuotesBuiltFromRowsEqualTheLoadedEntities() throws Exception {
        InRequest.run(() -> {
            Leader leader = Leader.findBySlug(TestFixtures.LEADER).orElseThrow();
            List<CooperationArea> areas = visits.areas(visits.forLeaders(List.of(leader), 3).get(0)).stream()
                    .flatMap(List::stream).toList();
            List<Statement> built = statements.forAreas(areas, TestFixtures.QUOTES_PER_AREA).stream()
                    .flatMap(List::stream).toList();
            assertEquals(3 * TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA, built.size());
            RowMappings.assertRowsEqualEntities(Statement.class, built, Statement::withIds, s -> s.id);
        });
    }
}
