package dev.diplograph.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/** Reads are public; every write needs the editor role, from the static token or from a JWT. */
@QuarkusTest
class AuthorizationTest {

    static final String WRITE = """
            mutation { upsertCountry(input: {code: "QA", name: "Authland"}) { code } }""";
    static final String CHECK = "{ country(code: \"QA\") { name } }";

    @Test
    void aMutationWithoutTokenIsUnauthenticatedAndWritesNothing() {
        GraphQL.post(WRITE)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data", nullValue());
        GraphQL.post(CHECK).body("data.country", nullValue());
    }

    @Test
    void aJwtWithoutTheEditorRoleIsForbidden() {
        GraphQL.withToken(GraphQL.jwt("reader@example.org", Set.of("reader")), WRITE)
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("data", nullValue());
        GraphQL.post(CHECK).body("data.country", nullValue());
    }

    @Test
    void aWrongTokenIsUnauthenticated() {
        GraphQL.withToken("not-the-token", WRITE)
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.withToken(GraphQL.jwt("x", Set.of("editor")) + "tampered", WRITE)
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.post(CHECK).body("data.country", nullValue());
    }

    @Test
    void aJwtWithTheEditorRoleMayWrite() {
        GraphQL.withToken(GraphQL.jwt("editor@example.org", Set.of("editor")),
                "mutation { upsertCountry(input: {code: \"QJ\", name: \"Jwtland\"}) { code name } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.upsertCountry.name", equalTo("Jwtland"));
    }

    @Test
    void theStaticEditorTokenMayWrite() {
        GraphQL.asEditor("mutation { upsertCountry(input: {code: \"QS\", name: \"Tokenland\"}) { code name } }")
                .body("errors", nullValue())
                .body("data.upsertCountry.name", equalTo("Tokenland"));
    }

    @Test
    void readsArePublicEvenWithABadToken() {
        GraphQL.withToken("stale-token", "{ sector(slug: \"biohealth\") { name } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.sector.name", equalTo("Biohealth"));
    }
}
