package dev.diplograph.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Loads the test fixture into a packaged service through POST /api/datasets, unless it holds it already. */
public final class IntegrationFixtures {

    private IntegrationFixtures() {
    }

    public static void ensureLoaded() throws Exception {
        boolean present = GraphQL.post("{ leader(slug: \"" + TestFixtures.LEADER + "\") { slug } }").extract().jsonPath()
                .get("data.leader") != null;
        if (present) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        given().header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN).contentType("application/json")
                .body(mapper.writeValueAsString(TestFixtures.document()))
                .when().post("/api/datasets").then().statusCode(200);
    }
}
