package dev.diplograph.visit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The visits connection's filter criteria, alone and combined. */
@QuarkusTest
class VisitFilterTest {

    static final String QUERY = """
            query($filter: VisitFilter) { visits(first: 100, filter: $filter) { totalCount edges { node { key } } } }""";

    @Test
    void byLeader() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("leader", "lee-jae-myung")))
                .body("errors", nullValue())
                .body("data.visits.edges.node.key", equalTo(List.of("lee-jae-myung-tr-2025-11")));
    }

    @Test
    void byHostCountryIsCaseInsensitive() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("hostCountry", "tr")))
                .body("data.visits.totalCount", equalTo(1));
        GraphQL.post(QUERY, Map.of("filter", Map.of("hostCountry", TestFixtures.HOST)))
                .body("data.visits.totalCount", equalTo(TestFixtures.VISITS));
    }

    @Test
    void bySector() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("sector", "nuclear-power")))
                .body("data.visits.edges.node.key", equalTo(List.of("lee-jae-myung-tr-2025-11")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("sector", TestFixtures.sector(2))))
                .body("data.visits.totalCount", equalTo(TestFixtures.VISITS));
    }

    @Test
    void byDateRangeOverlappingTheVisit() {
        // the seed visit runs 2025-11-24..25: a range touching only its last day still matches
        GraphQL.post(QUERY, Map.of("filter", Map.of("from", "2025-11-25", "to", "2025-12-31")))
                .body("data.visits.edges.node.key", equalTo(List.of("lee-jae-myung-tr-2025-11")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("leader", "lee-jae-myung", "from", "2025-11-26")))
                .body("data.visits.totalCount", equalTo(0));
        // fixture visits start every 10 days from 2020-01-06 and last two days
        GraphQL.post(QUERY, Map.of("filter", Map.of("leader", TestFixtures.LEADER,
                "from", "2020-01-07", "to", "2020-01-16")))
                .body("data.visits.edges.node.key", equalTo(List.of(TestFixtures.visit(1), TestFixtures.visit(0))));
    }

    @Test
    void combinedCriteriaMustAllHold() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("leader", "lee-jae-myung", "hostCountry",
                TestFixtures.HOST)))
                .body("data.visits.totalCount", equalTo(0));
    }

    @Test
    void unknownReferencesGiveAnEmptyConnection() {
        for (String field : List.of("leader", "hostCountry", "sector")) {
            GraphQL.post(QUERY, Map.of("filter", Map.of(field, "no-such-thing")))
                    .body("errors", nullValue())
                    .body("data.visits.totalCount", equalTo(0))
                    .body("data.visits.edges", equalTo(List.of()));
        }
    }
}
