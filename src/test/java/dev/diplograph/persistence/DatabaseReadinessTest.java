package dev.diplograph.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.SmallPool;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Readiness follows the database, not the load: a busy pool keeps the replica in service, a stalled one does not. */
@QuarkusTest
@TestProfile(SmallPool.class)
class DatabaseReadinessTest {

    private static final String CHECK = "checks.find { it.name == 'database' }";

    @Inject
    Database database;

    @Test
    void readyWithFreeConnections() {
        ready(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.database", equalTo(database.toString()))
                .body(CHECK + ".data.pool", nullValue());
    }

    @Test
    void aSaturatedPoolStaysReadyUntilNoConnectionIsHandedOutForLongerThanARequestWaits() throws Exception {
        try (SmallPool.Taken taken = SmallPool.takeEveryConnection(database.dataSource())) {
            // Connections were just handed out (these two): busy, not broken.
            ready(200)
                    .body(CHECK + ".status", equalTo("UP"))
                    .body(CHECK + ".data.pool", equalTo("saturated"));

            // The profile's acquisition timeout is one second; no connection can be handed out now.
            Thread.sleep(1_500);
            ready(503)
                    .body(CHECK + ".status", equalTo("DOWN"))
                    .body(CHECK + ".data.pool", equalTo("saturated"))
                    .body(CHECK + ".data.reason", containsString("none was handed out"));
            // Liveness does not include the database: the process is not restarted for it.
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        }
        ready(200).body(CHECK + ".status", equalTo("UP")).body(CHECK + ".data.pool", nullValue());
    }

    /** The figures the check reads are published for operators, so a saturated pool shows on a dashboard. */
    @Test
    void poolFiguresAreInTheMetrics() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_acquire_count_total")) {
            assertTrue(metrics.contains(name + "{"), () -> name + " missing from /q/metrics");
        }
    }

    private static ValidatableResponse ready(int status) {
        return given().get("/q/health/ready").then().statusCode(status);
    }
}
