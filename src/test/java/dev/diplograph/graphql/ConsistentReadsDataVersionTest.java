package dev.diplograph.graphql;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same checks as {@link ConsistentReadsTest}, with the query learning of commits by reading the
 * data version from the database, as it does on PostgreSQL (where no test can place a write between
 * two statements of a query).
 */
@QuarkusTest
@TestProfile(ConsistentReadsDataVersionTest.DataVersionMark.class)
class ConsistentReadsDataVersionTest extends ConsistentReadsTest {

    /** The embedded database, read like PostgreSQL. */
    public static class DataVersionMark implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("diplograph.graphql.consistent-read-local-sequence", "false");
        }
    }
}
