package dev.diplograph.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** POST and GET /api/datasets: a valid import, every kind of bad input (nothing written), and export. */
@QuarkusTest
class DatasetResourceTest {

    static final String VALID = """
            {"format": "visits-dataset/1",
             "countries": [{"code": "QI", "name": "Importland"}, {"code": "QJ", "name": "Jointland"}],
             "sectors": [{"slug": "dr-sector", "name": "Import sector", "keywords": ["import"]}],
             "leaders": [{"slug": "dr-leader", "name": "Ida Import", "office": "President", "country": "QI"}],
             "sources": [{"key": "dr-source", "outlet": "Import Wire", "publishedOn": "2031-01-01", "url": "https://example.org/a"}],
             "visits": [{"key": "dr-visit", "leader": "dr-leader", "hostCountry": "QJ", "startDate": "2031-01-02",
                         "sources": ["dr-source"], "sectors": [{"sector": "dr-sector", "status": "AGREED"}]}],
             "statements": [{"speaker": "dr-leader", "kind": "DIRECT", "text": "Imports are welcome here.",
                             "source": "dr-source", "visit": "dr-visit", "sectors": ["dr-sector"]}],
             "milestones": [{"key": "dr-milestone", "countries": ["QI", "QJ"], "title": "Trade pact", "year": 2001}]}
            """;

    static ValidatableResponse post(String token, String contentType, byte[] body) {
        var request = given().contentType(contentType).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/api/datasets").then();
    }

    static ValidatableResponse post(String body) {
        return post(GraphQL.EDITOR_TOKEN, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsAValidDocumentAndReimportingUpdatesInsteadOfDuplicating() {
        post(VALID).statusCode(200)
                .body("records.countries.created", equalTo(2))
                .body("records.statements.created", equalTo(1))
                .body("records.cooperationAreas.created", equalTo(1));
        post(VALID).statusCode(200)
                .body("records.countries.created", equalTo(0))
                .body("records.countries.updated", equalTo(2))
                .body("records.statements.updated", equalTo(1))
                .body("records.cooperationAreas.updated", equalTo(1));
        GraphQL.post("""
                { leader(slug: "dr-leader") { visits { sectors { status quotes { text } } } }
                  quotes(filter: {speaker: "dr-leader"}) { totalCount } }""")
                .body("data.leader.visits[0].sectors[0].status", equalTo("AGREED"))
                .body("data.leader.visits[0].sectors[0].quotes[0].text", equalTo("Imports are welcome here."))
                .body("data.quotes.totalCount", equalTo(1));
    }

    @Test
    void malformedJsonIsRefusedAndNothingIsWritten() {
        post("""
                {"format": "visits-dataset/1", "countries": [{"code": "QK", "name": "Brokenland"}], "sectors": [""")
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("message", containsString("line"));
        post("[1, 2]").statusCode(400).body("code", equalTo("MALFORMED_BODY"));
        GraphQL.post("{ country(code: \"QK\") { name } }").body("data.country", nullValue());
    }

    @Test
    void aWrongContentTypeIsRefusedWithAJsonBody() {
        post(GraphQL.EDITOR_TOKEN, "text/plain", VALID.getBytes(StandardCharsets.UTF_8))
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aDocumentThatBreaksTheSchemaGetsEveryErrorWithItsPointer() {
        post("""
                {"format": "visits-dataset/2", "extra": true,
                 "countries": [{"code": "qq", "name": ""}, {"code": "QL", "name": "Fineland"}],
                 "statements": [{"speaker": "x", "kind": "QUOTE", "text": "t", "source": "s", "saidOn": "2031-02-30"}]}""")
                .statusCode(422)
                .body("code", equalTo("INVALID_DATASET"))
                .body("message", containsString("nothing was written"))
                .body("errors.pointer", hasItems("/format", "/countries/0/code", "/countries/0/name",
                        "/statements/0/kind", "/statements/0/saidOn"))
                .body("errors.message", hasItems(containsString("extra")));
        GraphQL.post("{ country(code: \"QL\") { name } }").body("data.country", nullValue());
    }

    @Test
    void danglingReferencesAreRefusedWithPointersAndNothingIsWritten() {
        post("""
                {"format": "visits-dataset/1",
                 "sources": [{"key": "dangling-source", "outlet": "Wire"}],
                 "leaders": [{"slug": "dangling-leader", "name": "D", "country": "QQ"}],
                 "statements": [{"speaker": "nobody", "kind": "DIRECT", "text": "Hello, world, again.",
                                 "source": "dangling-source", "sectors": ["no-sector"]}]}""")
                .statusCode(422)
                .body("errors.pointer", hasItems("/leaders/0/country", "/statements/0/speaker", "/statements/0/sectors/0"));
        GraphQL.post("{ source(key: \"dangling-source\") { key } leader(slug: \"dangling-leader\") { slug } }")
                .body("data.source", nullValue())
                .body("data.leader", nullValue());
    }

    @Test
    void anOversizedBodyIsRefused() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        post(GraphQL.EDITOR_TOKEN, "application/json", big)
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void invalidUtf8IsRefused() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"QU\", \"name\": \"Bad".getBytes(
                StandardCharsets.UTF_8));
        body.write(0xC3);
        body.write(0x28);
        body.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
        post(GraphQL.EDITOR_TOKEN, "application/json", body.toByteArray())
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("message", containsString("UTF-8"));
        GraphQL.post("{ country(code: \"QU\") { name } }").body("data.country", nullValue());
    }

    @Test
    void importNeedsTheEditorRole() {
        post(null, "application/json", VALID.getBytes(StandardCharsets.UTF_8))
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        post("wrong-token", "application/json", VALID.getBytes(StandardCharsets.UTF_8))
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        post(GraphQL.jwt("reader", Set.of("reader")), "application/json", VALID.getBytes(StandardCharsets.UTF_8))
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void exportIsPublicDeterministicAndImportable() {
        String first = given().when().get("/api/datasets").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("format", equalTo("visits-dataset/1"))
                .body("leaders.slug", hasItems("lee-jae-myung"))
                .body("statements.text", not(hasItems(nullValue())))
                .extract().asString();
        String second = given().when().get("/api/datasets").then().statusCode(200).extract().asString();
        assertEquals(first, second, "two exports of unchanged data are identical");
        post(first).statusCode(200).body("records.statements.created", equalTo(0));
    }
}
