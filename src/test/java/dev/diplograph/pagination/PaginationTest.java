package dev.diplograph.pagination;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Walks every connection forward, page by page, and checks nothing is skipped or repeated. */
@QuarkusTest
class PaginationTest {

    /** Follows endCursor until hasNextPage is false; returns the node ids in the order served. */
    static List<String> walk(String connection, String idField, String arguments, int pageSize) {
        String query = """
                query($first: Int, $after: String) { %s(first: $first, after: $after%s) {
                  totalCount edges { cursor node { %s } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
                .formatted(connection, arguments, idField);
        List<String> ids = new ArrayList<>();
        String after = null;
        int total = -1;
        for (int page = 0; page < 1000; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", pageSize);
            variables.put("after", after);
            JsonPath json = GraphQL.post(query, variables).body("errors", nullValue()).extract().jsonPath();
            String root = "data." + connection;
            total = json.getInt(root + ".totalCount");
            List<String> pageIds = json.getList(root + ".edges.node." + idField);
            List<String> cursors = json.getList(root + ".edges.cursor");
            assertTrue(pageIds.size() <= pageSize, "page larger than first");
            assertEquals(after != null, json.getBoolean(root + ".pageInfo.hasPreviousPage"));
            if (!pageIds.isEmpty()) {
                assertEquals(cursors.get(cursors.size() - 1), json.getString(root + ".pageInfo.endCursor"));
                assertEquals(cursors.get(0), json.getString(root + ".pageInfo.startCursor"));
            }
            ids.addAll(pageIds);
            if (!json.getBoolean(root + ".pageInfo.hasNextPage")) {
                assertEquals(total, ids.size(), "totalCount matches the items walked");
                return ids;
            }
            assertEquals(pageSize, pageIds.size(), "only the last page may be short");
            after = json.getString(root + ".pageInfo.endCursor");
        }
        throw new AssertionError("pagination did not end");
    }

    static void assertNoDuplicates(List<String> ids) {
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates in " + ids);
    }

    @Test
    void leadersForwardThroughEveryPage() {
        List<String> walked = walk("leaders", "slug", "", 7);
        assertNoDuplicates(walked);
        List<String> sorted = new ArrayList<>(walked);
        sorted.sort(null);
        assertEquals(sorted, walked, "ordered by slug");
        assertTrue(walked.contains("lee-jae-myung"));
        assertTrue(walked.size() >= TestFixtures.EXTRA_LEADERS + 2);
        JsonPath all = GraphQL.post("{ leaders(first: 100) { edges { node { slug } } } }").extract().jsonPath();
        assertEquals(all.getList("data.leaders.edges.node.slug"), walked, "same items as one big page");
    }

    @Test
    void visitsForwardThroughEveryPageNewestFirst() {
        List<String> walked = walk("visits", "key", ", filter: {leader: \"" + TestFixtures.LEADER + "\"}", 5);
        assertNoDuplicates(walked);
        assertEquals(TestFixtures.VISITS, walked.size());
        for (int i = 0; i < walked.size(); i++) {
            assertEquals(TestFixtures.visit(TestFixtures.VISITS - 1 - i), walked.get(i));
        }
    }

    @Test
    void quotesForwardThroughEveryPage() {
        String visit = TestFixtures.visit(7);
        List<String> walked = walk("quotes", "key", ", filter: {visit: \"" + visit + "\"}", 9);
        assertNoDuplicates(walked);
        assertEquals(TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA, walked.size());
        List<String> all = walk("quotes", "key", "", 100);
        assertNoDuplicates(all);
        assertTrue(all.containsAll(walked));
    }

    @Test
    void emptyPageWhenFirstIsZero() {
        GraphQL.post("{ leaders(first: 0) { edges { cursor } pageInfo { hasNextPage endCursor } } }")
                .body("errors", nullValue())
                .body("data.leaders.edges", equalTo(List.of()))
                .body("data.leaders.pageInfo.hasNextPage", equalTo(true))
                .body("data.leaders.pageInfo.endCursor", nullValue());
    }

    @Test
    void defaultPageSizeIsTwenty() {
        GraphQL.post("{ leaders { edges { cursor } pageInfo { hasNextPage } } }")
                .body("errors", nullValue())
                .body("data.leaders.edges.size()", equalTo(Limits.DEFAULT_FIRST))
                .body("data.leaders.pageInfo.hasNextPage", equalTo(true));
        assertFalse(Limits.DEFAULT_FIRST > Limits.MAX_FIRST);
    }
}
