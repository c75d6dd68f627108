package dev.diplograph.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import dev.diplograph.support.SmallPool;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Requests that find every database connection taken get a clear, retryable error, not a bare 500. */
@QuarkusTest
@TestProfile(SmallPool.class)
class DatabaseUnavailableTest {

    @Inject
    Database database;

    /** With two connections, a connection kept by any of these answers would starve the query after them. */
    @Test
    void exportsAnsweredInFullOrWith304GiveTheirConnectionBack() {
        String etag = given().get("/api/datasets").then().statusCode(200).extract().header("ETag");
        for (int i = 0; i < 4; i++) {
            given().get("/api/datasets").then().statusCode(200);
            given().header("If-None-Match", etag).get("/api/datasets").then().statusCode(304);
        }
        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { name } }")
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"));
    }

    @Test
    void everyEndpointAnswersDatabaseUnavailableWhileThePoolIsExhaustedAndRecoversAfter() throws Exception {
        try (SmallPool.Taken taken = SmallPool.takeEveryConnection(database.dataSource())) {
            GraphQL.post("{ leader(slug: \"lee-jae-myung\") { name } }")
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("DATABASE_UNAVAILABLE"))
                    .body("errors[0].message", not(containsString("Exception")));
            GraphQL.asEditor("mutation { upsertSector(input: {slug: \"du-sector\", name: \"Unavailable\"}) { slug } }")
                    .body("errors[0].extensions.code", equalTo("DATABASE_UNAVAILABLE"))
                    .body("errors[0].message", not(containsString("Exception")));
            given().get("/api/datasets").then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("DATABASE_UNAVAILABLE"));
            given().auth().oauth2(GraphQL.EDITOR_TOKEN).contentType("application/json")
                    .body("{\"format\": \"visits-dataset/1\", \"sectors\": [{\"slug\": \"du-sector-2\", \"name\": \"U\"}]}")
                    .post("/api/datasets").then()
                    .statusCode(503)
                    .body("code", equalTo("DATABASE_UNAVAILABLE"));
        }

        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { name } sector(slug: \"du-sector\") { slug } }")
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"))
                .body("data.sector", nullValue());
        GraphQL.post("{ sector(slug: \"du-sector-2\") { slug } }")
                .body("errors", nullValue())
                .body("data.sector", nullValue());
    }
}
