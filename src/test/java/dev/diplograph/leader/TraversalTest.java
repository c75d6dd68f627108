package dev.diplograph.leader;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The walk the service exists for: leader → visit → sector → quote → source, in one request. */
@QuarkusTest
class TraversalTest {

    static final String TRAVERSAL = """
            { leader(slug: "lee-jae-myung") { name visits { startDate hostCountry { name }
                sectors { status sector { name } quotes { text kind source { outlet } } } } } }""";

    @Test
    void seedLeaderAnswersTheTraversal() {
        GraphQL.post(TRAVERSAL)
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"))
                .body("data.leader.visits", hasSize(1))
                .body("data.leader.visits[0].startDate", equalTo("2025-11-24"))
                .body("data.leader.visits[0].hostCountry.name", equalTo("Türkiye"))
                .body("data.leader.visits[0].sectors", hasSize(11))
                .body("data.leader.visits[0].sectors[1].sector.name", equalTo("Defense industry"))
                .body("data.leader.visits[0].sectors[1].status", equalTo("ACTIVE"))
                .body("data.leader.visits[0].sectors[1].quotes.kind", equalTo(
                        List.of("PARAPHRASE", "PARAPHRASE", "DIRECT", "PARAPHRASE")))
                .body("data.leader.visits[0].sectors.quotes.flatten().source.outlet", everyItem(equalTo("Anadolu Agency")))
                .body("data.leader.visits[0].sectors.quotes.flatten()", not(hasSize(0)));
    }

    @Test
    void areaQuotesAreThoseOfThisVisitAndThisSector() {
        GraphQL.post("""
                { leader(slug: "%s") { visits(first: 2) { key sectors { sector { slug }
                    quotes(first: 2) { key visit { key } sectors { slug } } } } } }""".formatted(TestFixtures.LEADER))
                .body("errors", nullValue())
                .body("data.leader.visits.key", equalTo(List.of(TestFixtures.visit(23), TestFixtures.visit(22))))
                .body("data.leader.visits[0].sectors", hasSize(TestFixtures.AREAS))
                .body("data.leader.visits[0].sectors[3].quotes.key", equalTo(List.of(
                        "fixture-quote-23-3-0", "fixture-quote-23-3-1")))
                .body("data.leader.visits[1].sectors[5].quotes.visit.key", everyItem(equalTo(TestFixtures.visit(22))))
                .body("data.leader.visits[1].sectors[5].quotes.sectors.flatten().slug",
                        everyItem(equalTo(TestFixtures.sector(5))));
    }

    @Test
    void nestedFirstLimitsEachParentSeparately() {
        GraphQL.post("""
                { leader(slug: "%s") { visits(first: 3) { quotes(first: 4) { key } } quotes(first: 7) { key } } }"""
                .formatted(TestFixtures.LEADER))
                .body("errors", nullValue())
                .body("data.leader.visits", hasSize(3))
                .body("data.leader.visits.quotes", everyItem(hasSize(4)))
                .body("data.leader.quotes", hasSize(7))
                .body("data.leader.visits[0].quotes[0].key", equalTo("fixture-quote-23-0-0"));
    }

    @Test
    void zeroItemsIsAValidLimit() {
        GraphQL.post("""
                { leader(slug: "%s") { visits(first: 0) { key } } }""".formatted(TestFixtures.LEADER))
                .body("errors", nullValue())
                .body("data.leader.visits", hasSize(0));
    }
}
