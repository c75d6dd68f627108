package dev.diplograph.graph;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A nested quotes list ({@code Leader.quotes}, {@code Visit.quotes}, {@code Sector.quotes},
 * {@code Project.quotes}, {@code Source.quotes}, {@code CooperationArea.quotes}) holds exactly the first {@code first} statements of its parent in recording
 * order, the same as the top-level list filtered by that parent, for parents with none, fewer, as
 * many and more statements than asked for.
 */
@QuarkusTest
class NestedQuotesTest {

    static final int[] FIRSTS = { 1, 16, 30, 50 };

    static final String EXPECTED = """
            query($filter: QuoteFilter) { quotes(first: 100, filter: $filter) { edges { node { key } } } }""";

    /** Top-level lists already read, by filter: each is read once for every {@code first}. */
    final Map<Map<String, Object>, List<String>> lists = new HashMap<>();

    /** The first {@code k} keys of the top-level list under {@code filter}. */
    List<String> expected(Map<String, Object> filter, int k) {
        List<String> keys = lists.computeIfAbsent(filter, f -> GraphQL.post(EXPECTED, Map.of("filter", f))
                .body("errors", nullValue()).extract().jsonPath().getList("data.quotes.edges.node.key", String.class));
        return keys.subList(0, Math.min(k, keys.size()));
    }

    /**
     * Checks every parent of one page of {@code query} (variable {@code $k}): at {@code parents}, each
     * element's {@code node} (or the element itself, with {@code node} empty) has {@code key} and
     * {@code quotes}, to be checked against the top-level list filtered by {@code filterField}.
     * Returns the parents' keys.
     */
    List<String> eachParentHoldsTheFirst(String query, String parents, String node, String key, String filterField, int k) {
        JsonPath page = GraphQL.post(query, Map.of("k", k)).body("errors", nullValue()).extract().jsonPath();
        List<String> keys = page.getList(parents + "." + node + key, String.class);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(expected(Map.of(filterField, keys.get(i)), k),
                    page.getList(parents + "[" + i + "]." + node + "quotes.key", String.class), keys.get(i) + ", first " + k);
        }
        return keys;
    }

    @Test
    void leadersQuotes() {
        for (int k : FIRSTS) {
            List<String> slugs = eachParentHoldsTheFirst("""
                    query($k: Int) { leaders(first: 100) { edges { node { slug quotes(first: $k) { key } } } } }""",
                    "data.leaders.edges", "node.", "slug", "speaker", k);
            assertTrue(slugs.contains(TestFixtures.LEADER) && slugs.contains("lee-jae-myung"), slugs::toString);
        }
    }

    @Test
    void visitsQuotes() {
        for (int k : FIRSTS) {
            List<String> keys = eachParentHoldsTheFirst("""
                    query($k: Int) { visits(first: 100) { edges { node { key quotes(first: $k) { key } } } } }""",
                    "data.visits.edges", "node.", "key", "visit", k);
            assertTrue(keys.size() > TestFixtures.VISITS, keys::toString);
        }
    }

    @Test
    void sectorsQuotes() {
        for (int k : FIRSTS) {
            List<String> slugs = eachParentHoldsTheFirst("""
                    query($k: Int) { sectors { slug quotes(first: $k) { key } } }""", "data.sectors", "", "slug", "sector", k);
            assertTrue(slugs.contains("defense-industry"), slugs::toString);
        }
    }

    @Test
    void areasQuotes() {
        for (int k : new int[] { 1, 2, 5, 16 }) {
            JsonPath page = GraphQL.post("""
                    query($k: Int) { visits(first: 100) { edges { node { key
                      sectors { sector { slug } quotes(first: $k) { key } } } } } }""", Map.of("k", k))
                    .body("errors", nullValue()).extract().jsonPath();
            List<String> visits = page.getList("data.visits.edges.node.key", String.class);
            int areas = 0;
            for (int v = 0; v < visits.size(); v++) {
                String at = "data.visits.edges[" + v + "].node.sectors";
                List<String> sectors = page.getList(at + ".sector.slug", String.class);
                for (int a = 0; a < sectors.size(); a++, areas++) {
                    assertEquals(expected(Map.of("visit", visits.get(v), "sector", sectors.get(a)), k),
                            page.getList(at + "[" + a + "].quotes.key", String.class),
                            visits.get(v) + " / " + sectors.get(a) + ", first " + k);
                }
            }
            assertTrue(areas > TestFixtures.VISITS * TestFixtures.AREAS, "areas checked: " + areas);
        }
    }

    /**
     * One operation may ask for a nested list under several aliases with different arguments, at
     * every level: each alias holds the answer of its own arguments (each argument set is batched
     * and loaded on its own), the same as when it is asked for alone.
     */
    @Test
    void oneListUnderSeveralAliasesWithDifferentArguments() {
        String quotes = "q1: quotes(first: 1) { key } q16: quotes(first: 16) { key } q30: quotes(first: 30) { key } "
                + "q50: quotes { key }";
        JsonPath page = GraphQL.post("""
                { leaders(first: 100) { edges { node { slug %1$s v1: visits(first: 1) { key } v50: visits { key } } } }
                  sectors { slug %1$s }
                  visits(first: 100) { edges { node { key %1$s
                    sectors { sector { slug } a1: quotes(first: 1) { key } a2: quotes(first: 2) { key } a16: quotes(first: 16) { key } } } } } }"""
                .formatted(quotes)).body("errors", nullValue()).extract().jsonPath();
        JsonPath alone = GraphQL.post("{ leaders(first: 100) { edges { node { slug visits { key } } } } }")
                .body("errors", nullValue()).extract().jsonPath();
        int lists = 0;
        List<String> slugs = page.getList("data.leaders.edges.node.slug", String.class);
        assertEquals(alone.getList("data.leaders.edges.node.slug", String.class), slugs);
        for (int i = 0; i < slugs.size(); i++) {
            String at = "data.leaders.edges[" + i + "].node.";
            lists += eachAliasHoldsTheFirst(page, at, Map.of("speaker", slugs.get(i)));
            List<String> visits = alone.getList(at + "visits.key", String.class);
            assertEquals(visits, page.getList(at + "v50.key", String.class), slugs.get(i) + " visits");
            assertEquals(visits.subList(0, Math.min(1, visits.size())), page.getList(at + "v1.key", String.class),
                    slugs.get(i) + " visits, first 1");
        }
        List<String> sectors = page.getList("data.sectors.slug", String.class);
        for (int i = 0; i < sectors.size(); i++) {
            lists += eachAliasHoldsTheFirst(page, "data.sectors[" + i + "].", Map.of("sector", sectors.get(i)));
        }
        List<String> visits = page.getList("data.visits.edges.node.key", String.class);
        for (int v = 0; v < visits.size(); v++) {
            String at = "data.visits.edges[" + v + "].node.";
            lists += eachAliasHoldsTheFirst(page, at, Map.of("visit", visits.get(v)));
            List<String> areas = page.getList(at + "sectors.sector.slug", String.class);
            for (int a = 0; a < areas.size(); a++) {
                for (int k : new int[] { 1, 2, 16 }) {
                    assertEquals(expected(Map.of("visit", visits.get(v), "sector", areas.get(a)), k),
                            page.getList(at + "sectors[" + a + "].a" + k + ".key", String.class),
                            visits.get(v) + " / " + areas.get(a) + ", first " + k);
                    lists++;
                }
            }
        }
        assertTrue(slugs.contains("lee-jae-myung") && sectors.contains("defense-industry")
                && visits.size() > TestFixtures.VISITS, "lists checked: " + lists);
    }

    /** Checks the aliases q1, q16, q30 and q50 under {@code at} against the top-level list; returns how many. */
    int eachAliasHoldsTheFirst(JsonPath page, String at, Map<String, Object> filter) {
        for (int k : FIRSTS) {
            assertEquals(expected(filter, k), page.getList(at + "q" + k + ".key", String.class), filter + ", first " + k);
        }
        return FIRSTS.length;
    }

    @Test
    void projectsAndSourcesQuotes() {
        List<String> projects = List.of("altay-main-battle-tank", "sinop-nuclear-power-plant", "k-eta-facilitation-for-turkish-citizens");
        List<String> sources = List.of("aa-2025-11-23-lee-interview", TestFixtures.SOURCE);
        for (int k : FIRSTS) {
            JsonPath page = GraphQL.post("""
                    query($k: Int) {
                      a: project(key: "altay-main-battle-tank") { quotes(first: $k) { key } }
                      b: project(key: "sinop-nuclear-power-plant") { quotes(first: $k) { key } }
                      c: project(key: "k-eta-facilitation-for-turkish-citizens") { quotes(first: $k) { key } }
                      d: source(key: "aa-2025-11-23-lee-interview") { quotes(first: $k) { key } }
                      e: source(key: "%s") { quotes(first: $k) { key } } }""".formatted(TestFixtures.SOURCE),
                    Map.of("k", k)).body("errors", nullValue()).extract().jsonPath();
            for (int i = 0; i < projects.size(); i++) {
                assertEquals(expected(Map.of("project", projects.get(i)), k),
                        page.getList("data." + "abc".charAt(i) + ".quotes.key", String.class), projects.get(i) + ", first " + k);
            }
            for (int i = 0; i < sources.size(); i++) {
                assertEquals(expected(Map.of("source", sources.get(i)), k),
                        page.getList("data." + "de".charAt(i) + ".quotes.key", String.class), sources.get(i) + ", first " + k);
            }
        }
    }
}
