package dev.diplograph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The persisted query store: the protocol's hash, and a bound that drops the least recently used. */
class PersistedQueriesTest {

    @Test
    void hashIsLowerCaseHexSha256OfTheUtf8Query() {
        // printf '%s' '{ __typename }' | sha256sum
        assertEquals("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b",
                PersistedQueries.sha256("{ __typename }"));
    }

    @Test
    void boundedLeastRecentlyUsedFirst() {
        PersistedQueries store = new PersistedQueries(3);
        for (int i = 0; i < 3; i++) {
            store.put("h" + i, "q" + i);
        }
        store.get("h0"); // used: h1 is now the least recently used
        store.put("h3", "q3");
        assertEquals(3, store.size());
        assertNull(store.get("h1"));
        assertEquals("q0", store.get("h0"));
        assertEquals("q3", store.get("h3"));
    }
}
