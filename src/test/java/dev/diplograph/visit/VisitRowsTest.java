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
 * A leader's latest visits are built from scalar columns ({@link Visit#ROWS}), not loaded as
 * entities: they must equal, field by field and newest first, what Hibernate's mapping loads.
 */
@QuarkusTest
class VisitRowsTest {

    @Inject
    VisitService visits;

    @Test
    void theRowMappingReadsEveryMappedColumn() {
        RowMappings.assertReadsEveryMappedColumn(Visit.class, Visit.ROWS);
    }

    @Test
    void latestVisitsBuiltFromRowsEqualTheLoadedEntities() throws Exception {
        InRequest.run(() -> {
            Leader leader = Leader.findBySlug(TestFixtures.LEADER).orElseThrow();
            List<Visit> built = visits.forLeaders(List.of(leader), 6).get(0);
            assertEquals(6, built.size());
            List<Visit> newestFirst = built.stream()
                    .sorted((a, b) -> b.startDate.compareTo(a.startDate)).toList();
            assertEquals(newestFirst, built, "newest first");
            RowMappings.assertRowsEqualEntities(Visit.class, built, Visit::withIds, v -> v.id);
        });
    }
}
