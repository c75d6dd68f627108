package dev.diplograph.pagination;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.PackagedService;

/**
 * Two replicas of the packaged service on one PostgreSQL: a total that one replica keeps is counted
 * again after a write committed on the other, since the data version it is kept under is the database's.
 */
class CountCacheReplicasIT {

    @TempDir
    Path dataDir;

    @Test
    void aTotalKeptOnOneReplicaFollowsAWriteOnAnother() throws Exception {
        Assumptions.assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null,
                "needs PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL); with the embedded H2 file there is one replica");
        Map<String, String> env = Map.of("DIPLOGRAPH_EDITOR_TOKEN", GraphQL.EDITOR_TOKEN, "QUARKUS_SHUTDOWN_DELAY", "0s");
        String total = CountCacheTest.UNINDEXED;
        try (PackagedService a = PackagedService.start(dataDir.resolve("a"), dataDir.resolve("a.log"), env);
                PackagedService b = PackagedService.start(dataDir.resolve("b"), dataDir.resolve("b.log"), env)) {
            a.asRestAssuredTarget();
            int before = CountCacheTest.totalAnswered(total, 0, 1);
            assertEquals(before, CountCacheTest.totalAnswered(total, 1, 0), "kept on replica A");
            try {
                b.asRestAssuredTarget();
                CountCacheTest.writeQuote("2031-03-02");
                a.asRestAssuredTarget();
                assertEquals(before + 1, CountCacheTest.totalAnswered(total, 0, 1), "on A after a write on B");
                assertEquals(before + 1, CountCacheTest.totalAnswered(total, 1, 0), "kept again on A");
            } finally {
                b.asRestAssuredTarget();
                GraphQL.asEditor("mutation { deleteStatement(key: \"%s\") { deleted } }".formatted(CountCacheTest.QUOTE))
                        .body("errors", nullValue());
            }
            a.asRestAssuredTarget();
            assertEquals(before, CountCacheTest.totalAnswered(total, 0, 1), "on A after a delete on B");
        }
    }
}
