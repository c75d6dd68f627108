package dev.diplograph.support;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.RestAssured;

/** Loads the test fixture into a packaged service through POST /api/datasets, once per running service. */
public final class IntegrationFixtures {

    private static final Set<Integer> LOADED = ConcurrentHashMap.newKeySet();

    private IntegrationFixtures() {
    }

    public static void ensureLoaded() throws Exception {
        if (!LOADED.add(RestAssured.port)) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        given().header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN).contentType("application/json")
                .body(mapper.writeValueAsString(TestFixtures.document()))
                .when().post("/api/datasets").then().statusCode(200);
    }
}
