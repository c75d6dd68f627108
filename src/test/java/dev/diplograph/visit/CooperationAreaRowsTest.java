package dev.diplograph.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.leader.Leader;
import dev.diplograph.support.InRequest;
import dev.diplograph.support.RowMappings;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A visit's cooperation areas are built from scalar columns ({@link CooperationArea#ROWS}), not loaded
 * as entities: they must equal, field by field and in recorded order, what Hibernate's mapping loads.
 */
@QuarkusTest
class CooperationAreaRowsTest {

    @Inject
    VisitService visits;

    @Test
    void theRowMappingReadsEveryMappedColumn() {
        RowMappings.assertReadsEveryMappedColumn(CooperationArea.class, CooperationArea.ROWS);
    }

    @Test
    void areasBuiltFromRowsEqualTheLoadedEntities() throws Exception {
        InRequest.run(() -> {
            Leader leader = Leader.findBySlug(TestFixtures.LEADER).orElseThrow();
            List<Visit> some = visits.forLeaders(List.of(leader), 4).get(0);
            List<List<CooperationArea>> perVisit = visits.areas(some);
            assertEquals(4, perVisit.size());
            for (int i = 0; i < some.size(); i++) {
                List<CooperationArea> areas = perVisit.get(i);
                assertEquals(TestFixtures.AREAS, areas.size());
                long visitId = some.get(i).id;
                areas.forEach(area -> assertEquals(visitId, area.visitId));
                assertEquals(areas.stream().map(a -> a.id).sorted().toList(), areas.stream().map(a -> a.id).toList(),
                        "areas in recorded order");
            }
            List<CooperationArea> built = perVisit.stream().flatMap(List::stream).toList();
            RowMappings.assertRowsEqualEntities(CooperationArea.class, built, CooperationArea::withIds, a -> a.id);
        });
    }
}
