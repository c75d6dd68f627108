package dev.diplograph.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The settings the Kubernetes overlays use to lock the endpoint down, and the execution timeout. */
@QuarkusTest
@TestProfile(StrictLimitsTest.Strict.class)
class StrictLimitsTest {

    /** Introspection off (as in the Kubernetes overlays) and a timeout that every resolver exceeds. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "no-introspection",
                    "diplograph.graphql.timeout", "PT0.000000001S");
        }
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        GraphQL.post("{ __schema { types { name } } }")
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void anOperationOverTheTimeoutStopsWithOneError() {
        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { name visits(first: 5) { key sectors { status } } } }")
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("TIMEOUT"))
                .body("errors[0].message", containsString("diplograph.graphql.timeout"));
    }
}
