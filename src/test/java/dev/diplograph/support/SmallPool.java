package dev.diplograph.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Two connections and a one-second wait, on whichever database the tests run against, so tests can take them all. */
public class SmallPool implements QuarkusTestProfile {

    /** The pool size. */
    public static final int CONNECTIONS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(CONNECTIONS),
                "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                "quarkus.datasource.embedded.jdbc.max-size", String.valueOf(CONNECTIONS),
                "quarkus.datasource.embedded.jdbc.acquisition-timeout", "1S");
    }
}
