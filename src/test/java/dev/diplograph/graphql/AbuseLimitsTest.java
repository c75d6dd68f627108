package dev.diplograph.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * Each attack of the OWASP GraphQL cheat sheet is refused before execution with its own stable
 * {@code extensions.code}, no stack trace and no class name; after each, a normal query still works.
 */
@QuarkusTest
class AbuseLimitsTest {

    /** A query that must keep working whatever was thrown at the service before. */
    @AfterEach
    void serviceStillAnswers() {
        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { name visits(first: 1) { key } } }")
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"));
    }

    /** A qualified Java class name such as graphql.execution.AbortExecutionException. */
    static final String CLASS_NAME = "(?s).*\\b[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+\\.[A-Z][A-Za-z0-9]+.*";

    static ValidatableResponse post(String body) {
        return given().log().ifValidationFails().contentType(ContentType.JSON)
                .accept("application/graphql-response+json").body(body)
                .when().post("/graphql").then().log().ifValidationFails();
    }

    static ValidatableResponse postQuery(String query) {
        return post(new JsonObject().put("query", query).encode());
    }

    static ValidatableResponse assertRefused(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith("application/graphql-response+json"))
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].message", not(containsString("Exception")))
                .body("errors[0].message", not(matchesPattern(CLASS_NAME)))
                .body("errors[0].message", not(containsString("\tat ")))
                .body("errors[0].extensions", not(hasKey("exception")));
    }

    @Test
    void tooDeep() {
        String query = "{ leader(slug: \"lee-jae-myung\") { " + "visits { leader { ".repeat(8) + "name"
                + " } }".repeat(8) + " } }";
        assertRefused(postQuery(query), 400, "QUERY_TOO_DEEP").body("errors[0].message", containsString("max-depth"));
    }

    @Test
    void fragmentBombIsTooComplexAndCheapToMeasure() {
        StringBuilder query = new StringBuilder("{ leaders { edges { node { ...F30 } } } }\n");
        query.append("fragment F0 on Leader { name slug }\n");
        for (int i = 1; i <= 30; i++) {
            query.append("fragment F").append(i).append(" on Leader { ...F").append(i - 1).append(" ...F")
                    .append(i - 1).append(" }\n");
        }
        assertRefused(postQuery(query.toString()), 400, "QUERY_TOO_COMPLEX");
    }

    @Test
    void introspectionThatFansOutIsTooComplex() {
        // graphql-java's good-faith rule: each of these introspection fields once per operation, so a
        // few lines cannot ask for every type's fields' types' fields (an answer growing with the schema).
        String deep = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        assertRefused(postQuery(deep), 400, "QUERY_TOO_COMPLEX")
                .body("errors[0].message", containsString("__Type.fields"))
                .body("errors[0].message", containsString("introspection"));
        assertRefused(postQuery("{ a: __type(name: \"Leader\") { name } b: __type(name: \"Visit\") { name } }"), 400,
                "QUERY_TOO_COMPLEX").body("errors[0].message", containsString("__type"));
        // The playground's own introspection (each field once) still answers.
        GraphQL.post("{ __schema { queryType { name } types { name fields { name type { name ofType { name } } } } } }")
                .body("errors", nullValue()).body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void tooManyAliases() {
        String query = IntStream.range(0, 40).mapToObj(i -> "a" + i + ": sectors { slug }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertRefused(postQuery(query), 400, "TOO_MANY_ALIASES");
    }

    @Test
    void tooManyRootFields() {
        String query = "{ " + "sectors { slug } ".repeat(25) + "}";
        assertRefused(postQuery(query), 400, "TOO_MANY_ROOT_FIELDS");
    }

    @Test
    void tooManyTokensInAnAlmostMegabyteDocument() {
        String query = "{ sectors { " + "slug ".repeat(180_000) + "} }"; // ~900 KB, under the body cap
        assertRefused(postQuery(query), 400, "TOO_MANY_TOKENS");
        // Padding counts too, with ten times the room: the message names both limits.
        assertRefused(postQuery("{ __typename" + " ".repeat(60_000) + "}"), 400, "TOO_MANY_TOKENS")
                .body("errors[0].message", containsString("blanks, line breaks, commas and comments"));
    }

    @Test
    void bodyOverTheCap() {
        String query = "{ sectors { slug } }" + " ".repeat(1_100_000);
        assertRefused(postQuery(query), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void batchesAreRefused() {
        assertRefused(post("[{\"query\": \"{ sectors { slug } }\"}, {\"query\": \"{ sectors { slug } }\"}]"), 400,
                "BATCHING_NOT_SUPPORTED");
    }

    @Test
    void firstOverTheMaximum() {
        GraphQL.post("{ quotes(first: 1000) { totalCount } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void syntaxErrorsCarryACode() {
        assertRefused(postQuery("{ leaders { "), 400, "GRAPHQL_PARSE_FAILED");
        // with plain JSON the status is 200, the GraphQL-over-HTTP rule for application/json
        given().contentType(ContentType.JSON).body(Map.of("query", "{ leaders { "))
                .when().post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
    }
}
