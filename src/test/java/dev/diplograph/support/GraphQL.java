package dev.diplograph.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** The one payload helper of the test suite: posts GraphQL operations, anonymously or with a token. */
public final class GraphQL {

    /** The static editor token of the test profile. */
    public static final String EDITOR_TOKEN = "test-editor-token";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private GraphQL() {
    }

    /** Posts {@code query} without variables, anonymously. */
    public static ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    /** Posts {@code query} anonymously and expects HTTP 200. */
    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return send(null, query, variables).then().statusCode(200);
    }

    /** Posts {@code query} with the editor token and expects HTTP 200. */
    public static ValidatableResponse asEditor(String query, Map<String, Object> variables) {
        return send(EDITOR_TOKEN, query, variables).then().statusCode(200);
    }

    /** Posts {@code query} with the editor token, without variables. */
    public static ValidatableResponse asEditor(String query) {
        return asEditor(query, Map.of());
    }

    /**
     * Posts a request body written by hand, with the editor token, and expects HTTP 200: for JSON a
     * serializer would not write, such as a lone surrogate's escape.
     */
    public static ValidatableResponse asEditorRaw(String json) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .header("Authorization", "Bearer " + EDITOR_TOKEN)
                .when().post("/graphql").then().statusCode(200);
    }

    /** Posts {@code query} with any bearer token; the caller checks the status. */
    public static ValidatableResponse withToken(String token, String query) {
        return send(token, query, Map.of()).then();
    }

    /** A JWT signed with the test key, from the test issuer, carrying the given groups as roles. */
    public static String jwt(String subject, Set<String> groups) {
        try {
            return Jwt.issuer("https://diplograph.test").upn(subject).groups(groups)
                    .sign(KeyUtils.readPrivateKey("privateKey.pem"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    /** Posts {@code query} with a token, or anonymously when it is null; the caller checks the whole response. */
    public static Response send(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql");
    }
}
