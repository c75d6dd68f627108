package dev.diplograph.statement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The quotes connection's filter criteria, alone and combined. */
@QuarkusTest
class QuoteFilterTest {

    static final String QUERY = """
            query($filter: QuoteFilter) { quotes(first: 100, filter: $filter) {
              totalCount edges { node { key kind text speaker { slug } } } } }""";

    @Test
    void byTextMatchesEveryWordInAnyOrderAndCase() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "SINOP")))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-sinop-nuclear-talks")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "plant, sinop; TÜRKIYE'S")))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-sinop-nuclear-talks")));
        // every word must occur, and only whole words count
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "Sinop windmill")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(0));
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "Sino")))
                .body("data.quotes.totalCount", equalTo(0));
    }

    @Test
    void byTextIgnoresAccents() {
        // News in English writes "Turkiye" as often as "Türkiye"; either finds the seed's quotes.
        int written = GraphQL.post(QUERY, Map.of("filter", Map.of("text", "Türkiye")))
                .body("errors", nullValue()).extract().jsonPath().getInt("data.quotes.totalCount");
        for (String spelling : List.of("Turkiye", "TURKIYE", "türkıye", "Tu\u0308rkiye")) {
            GraphQL.post(QUERY, Map.of("filter", Map.of("text", spelling)))
                    .body("errors", nullValue())
                    .body("data.quotes.totalCount", equalTo(written));
        }
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "turkiye sinop")))
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-sinop-nuclear-talks")));
        // a statement just written (its words may still wait for H2's indexer) is found the same way
        GraphQL.asEditor("""
                mutation { upsertStatement(input: {key: "qf-accents", speaker: "lee-jae-myung", kind: PARAPHRASE,
                  text: "Lee will visit Kırıkkale and Đà Nẵng next spring.", source: "aa-2025-11-23-lee-interview"}) { key } }""")
                .body("errors", nullValue());
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "kirikkale da nang")))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", equalTo(List.of("qf-accents")));
        GraphQL.asEditor("mutation { deleteStatement(key: \"qf-accents\") { deleted } }").body("errors", nullValue());
    }

    @Test
    void byTextTreatsWildcardsAsSeparators() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "S_NOP%")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(0));
        GraphQL.post(QUERY, Map.of("filter", Map.of("text", "%_")))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("at least one word"));
    }

    @Test
    void bySectorSpeakerVisitAndKind() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("sector", "people-to-people-exchanges", "kind", "DIRECT")))
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-k-eta-streamlined")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("speaker", "lee-jae-myung")))
                .body("data.quotes.totalCount", equalTo(16))
                .body("data.quotes.edges.node.speaker.slug", everyItem(equalTo("lee-jae-myung")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("visit", TestFixtures.visit(3), "sector", TestFixtures.sector(1),
                "kind", "PARAPHRASE")))
                .body("data.quotes.edges.node.key", equalTo(List.of("fixture-quote-03-1-1", "fixture-quote-03-1-3")));
    }

    @Test
    void byProject() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("project", "k-eta-facilitation-for-turkish-citizens", "speaker", "lee-jae-myung")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(2))
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-people-to-people-travel-steps", "lee-k-eta-streamlined")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("project", "k-eta-facilitation-for-turkish-citizens", "kind", "DIRECT")))
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-k-eta-streamlined")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("project", "altay-main-battle-tank", "text", "tank altay")))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-altay-typical-example")));
    }

    @Test
    void bySource() {
        GraphQL.post(QUERY, Map.of("filter", Map.of("source", "aa-2025-11-23-lee-interview")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(16))
                .body("data.quotes.edges.node.speaker.slug", everyItem(equalTo("lee-jae-myung")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("source", "aa-2025-11-23-lee-interview", "kind", "DIRECT",
                "sector", "people-to-people-exchanges")))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", equalTo(List.of("lee-k-eta-streamlined")));
        // the fixture wire carries every fixture statement and none of the interview's
        GraphQL.post(QUERY, Map.of("filter", Map.of("source", TestFixtures.SOURCE, "speaker", TestFixtures.LEADER)))
                .body("data.quotes.totalCount", equalTo(TestFixtures.VISITS * TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA));
        GraphQL.post(QUERY, Map.of("filter", Map.of("source", TestFixtures.SOURCE, "speaker", "lee-jae-myung")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(0));
    }

    @Test
    void byOutletMatchesTheWholeNameInAnyCase() {
        for (String outlet : List.of("Anadolu Agency", "  anadolu AGENCY ")) {
            GraphQL.post(QUERY, Map.of("filter", Map.of("outlet", outlet)))
                    .body("errors", nullValue())
                    .body("data.quotes.totalCount", equalTo(16))
                    .body("data.quotes.edges.node.speaker.slug", everyItem(equalTo("lee-jae-myung")));
        }
        GraphQL.post(QUERY, Map.of("filter", Map.of("outlet", "Anadolu")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(0));
        // the fixture wire is its outlet's only source
        int direct = GraphQL.post(QUERY, Map.of("filter", Map.of("source", TestFixtures.SOURCE, "kind", "DIRECT")))
                .body("data.quotes.totalCount", greaterThan(0)).extract().jsonPath().getInt("data.quotes.totalCount");
        GraphQL.post(QUERY, Map.of("filter", Map.of("outlet", "fixture wire", "speaker", TestFixtures.LEADER, "kind", "DIRECT")))
                .body("errors", nullValue())
                .body("data.quotes.totalCount", equalTo(direct))
                .body("data.quotes.edges.node.kind", everyItem(equalTo("DIRECT")));
        GraphQL.post(QUERY, Map.of("filter", Map.of("outlet", "Anadolu Agency", "speaker", TestFixtures.LEADER)))
                .body("data.quotes.totalCount", equalTo(0));
    }

    @Test
    void aBlankOrOverlongOutletIsRefused() {
        for (String outlet : List.of("", "   ", "x".repeat(201))) {
            GraphQL.post(QUERY, Map.of("filter", Map.of("outlet", outlet)))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("Filter 'outlet' must hold 1 to 200 characters"));
        }
    }

    @Test
    void byDateUsesSaidOnOrElseThePublicationDate() {
        // seed statements have no saidOn: they are dated by their source, published 2025-11-23
        GraphQL.post(QUERY, Map.of("filter", Map.of("speaker", "lee-jae-myung", "from", "2025-11-23", "to", "2025-11-23")))
                .body("data.quotes.totalCount", equalTo(16));
        GraphQL.post(QUERY, Map.of("filter", Map.of("speaker", "lee-jae-myung", "to", "2025-11-22")))
                .body("data.quotes.totalCount", equalTo(0));
        // fixture statements are said on their visit's first day
        GraphQL.post(QUERY, Map.of("filter", Map.of("speaker", TestFixtures.LEADER, "from", "2020-01-16", "to", "2020-01-16")))
                .body("data.quotes.totalCount", equalTo(TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA));
    }

    @Test
    void pagesOfOneSpeakerVisitSectorOrProjectFollowTheRecordingOrder() {
        String pages = """
                query($filter: QuoteFilter, $first: Int, $after: String) { quotes(first: $first, after: $after, filter: $filter) {
                  totalCount edges { node { key } } pageInfo { hasNextPage endCursor } } }""";
        // filter field, value, the parent's nested list (read another way), page size
        String[][] parents = {
                { "speaker", "lee-jae-myung", "leader(slug: $k)", "7" },
                { "visit", TestFixtures.visit(3), "visit(key: $k)", "7" },
                { "sector", TestFixtures.sector(2), "sector(slug: $k)", "7" },
                { "project", "k-eta-facilitation-for-turkish-citizens", "project(key: $k)", "1" } };
        for (String[] parent : parents) {
            List<String> all = GraphQL.post("query($k: String!) { p: " + parent[2] + " { quotes(first: 500) { key } } }",
                    Map.of("k", parent[1])).body("errors", nullValue()).extract().jsonPath().getList("data.p.quotes.key", String.class);
            int first = Integer.parseInt(parent[3]);
            assertTrue(all.size() > first, parent[1] + ": " + all);
            List<String> paged = new ArrayList<>();
            String after = null;
            do {
                Map<String, Object> variables = new HashMap<>();
                variables.put("filter", Map.of(parent[0], parent[1]));
                variables.put("first", first);
                variables.put("after", after);
                var page = GraphQL.post(pages, variables).body("errors", nullValue()).extract().jsonPath();
                assertEquals(all.size(), page.getInt("data.quotes.totalCount"), parent[1]);
                paged.addAll(page.getList("data.quotes.edges.node.key", String.class));
                after = page.getBoolean("data.quotes.pageInfo.hasNextPage") ? page.getString("data.quotes.pageInfo.endCursor") : null;
            } while (after != null);
            assertEquals(all, paged, parent[1]);
        }
    }

    @Test
    void aSectorWithAnotherCriterionCountsAndPagesOnlyWhatMatchesBoth() {
        String query = """
                query($filter: QuoteFilter, $after: String) { quotes(first: 4, after: $after, filter: $filter) {
                  totalCount edges { node { key kind speaker { slug } } } pageInfo { hasNextPage endCursor } } }""";
        List<Map<String, Object>> all = GraphQL.post("query($k: String!) { sector(slug: $k) { quotes(first: 500) { key kind speaker { slug } } } }",
                Map.of("k", TestFixtures.sector(1))).body("errors", nullValue()).extract().jsonPath().getList("data.sector.quotes");
        for (Map<String, Object> filter : List.<Map<String, Object>> of(
                Map.of("sector", TestFixtures.sector(1), "kind", "PARAPHRASE"),
                Map.of("sector", TestFixtures.sector(1), "kind", "DIRECT"),
                Map.of("sector", TestFixtures.sector(1), "speaker", TestFixtures.LEADER))) {
            List<String> expected = all.stream()
                    .filter(q -> !filter.containsKey("kind") || filter.get("kind").equals(q.get("kind")))
                    .filter(q -> !filter.containsKey("speaker")
                            || filter.get("speaker").equals(((Map<?, ?>) q.get("speaker")).get("slug")))
                    .map(q -> (String) q.get("key")).toList();
            List<String> paged = new ArrayList<>();
            String after = null;
            do {
                Map<String, Object> variables = new HashMap<>();
                variables.put("filter", filter);
                variables.put("after", after);
                var page = GraphQL.post(query, variables).body("errors", nullValue()).extract().jsonPath();
                assertEquals(expected.size(), page.getInt("data.quotes.totalCount"), filter.toString());
                paged.addAll(page.getList("data.quotes.edges.node.key", String.class));
                after = page.getBoolean("data.quotes.pageInfo.hasNextPage") ? page.getString("data.quotes.pageInfo.endCursor") : null;
            } while (after != null);
            assertEquals(expected, paged, filter.toString());
        }
    }

    @Test
    void unknownReferencesGiveAnEmptyConnection() {
        for (String field : List.of("sector", "project", "speaker", "visit", "source", "outlet")) {
            GraphQL.post(QUERY, Map.of("filter", Map.of(field, "no-such-thing")))
                    .body("errors", nullValue())
                    .body("data.quotes.totalCount", equalTo(0));
        }
    }
}
