package dev.diplograph.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The one payload helper of the test suite: posts a GraphQL operation and returns the response to assert on. */
public final class GraphQL {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private GraphQL() {
    }

    /** Posts {@code query} without variables. */
    public static ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    /** Posts {@code query} with variables and expects HTTP 200. */
    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200);
    }
}
