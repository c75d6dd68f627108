package dev.diplograph.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.diplograph.http.EntityTags;
import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** GraphQL over HTTP as clients and CDNs use it: GET for queries, media types, caching, persisted queries. */
@QuarkusTest
class HttpProtocolTest {

    static final String QUERY = "{ leader(slug: \"lee-jae-myung\") { name visits(first: 1) { key } } }";

    static RequestSpecification client() {
        return given().log().ifValidationFails();
    }

    @Test
    void getAnswersQueriesAsJsonUnlessTheGraphQLResponseTypeIsAccepted() {
        client().queryParam("query", QUERY).when().get("/graphql").then().log().ifValidationFails()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("data.leader.name", equalTo("Lee Jae Myung"));
        client().accept("application/graphql-response+json").queryParam("query", QUERY).when().get("/graphql")
                .then().statusCode(200).contentType(startsWith("application/graphql-response+json"));
        // The client's weights decide; application/* was refused with 406, and a type given q=0 was used.
        Map<String, String> answered = Map.of(
                "application/*", "application/json",
                "application/graphql-response+json;q=0, application/json", "application/json",
                "application/json, application/graphql-response+json;q=0.5", "application/json",
                "application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json",
                "application/graphql-response+json, application/json", "application/graphql-response+json");
        answered.forEach((accept, type) -> {
            client().accept(accept).queryParam("query", QUERY).when().get("/graphql").then().statusCode(200)
                    .contentType(startsWith(type)).body("data.leader.name", equalTo("Lee Jae Myung"));
            // A parse error is 400 only under the GraphQL response type; under application/json it is 200.
            client().accept(accept).queryParam("query", "{ leader(").when().get("/graphql").then()
                    .statusCode(type.equals("application/json") ? 200 : 400).contentType(startsWith(type))
                    .body("errors[0].extensions.code", notNullValue());
        });
    }

    @Test
    void getRunsTheRequestAsSent() {
        // Quarkus' own GET handling took the query for the operation name, decoded parameters twice
        // ("%" gave a 500, "+" a space, "%6C" an "l") and dropped line breaks, so a comment ate the query.
        client().queryParam("query", "query A { a: __typename } query B { b: __typename }").queryParam("operationName", "B")
                .when().get("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data.b", equalTo("Query")).body("data.a", nullValue());
        client().queryParam("query", "query Leader($s: String!) { leader(slug: $s) { slug } }")
                .queryParam("operationName", "Leader").queryParam("variables", "{\"s\": \"lee-jae-myung\"}")
                .when().get("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data.leader.slug", equalTo("lee-jae-myung"));
        client().queryParam("query", "{\n  # a comment\n  leader(slug: \"100%+lee\") { slug }\n}")
                .when().get("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data", hasKey("leader")).body("data.leader", nullValue());
        client().queryParam("query", "query($s: String!) { leader(slug: $s) { slug } }")
                .queryParam("variables", "{\"s\": \"%6Cee-jae-myung\"}")
                .when().get("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data", hasKey("leader")).body("data.leader", nullValue());
    }

    @Test
    void anUnknownOperationNameIsARequestError() {
        client().accept("application/graphql-response+json").queryParam("query", "query A { __typename }")
                .queryParam("operationName", "B").when().get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Unknown operation named 'B'.")).body("data", nullValue());
        client().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", "query A { __typename }", "operationName", "B")).when().post("/graphql").then()
                .statusCode(400).body("errors[0].message", equalTo("Unknown operation named 'B'."));
    }

    @Test
    void aRequestErrorFoundWhileRunningIs400UnderTheGraphQLResponseType() {
        // Variables are checked once the request runs; a failure there is still a request error: no data.
        List<Map<String, Object>> requests = List.of(
                Map.of("query", "query($n: Int) { leaders(first: $n) { totalCount } }", "variables", Map.of("n", 99999999999L)),
                Map.of("query", "query($s: String!) { leader(slug: $s) { name } }"),
                Map.of("query", "query($s: String!) { leader(slug: $s) { name } }", "variables", Map.of("s", List.of(1))),
                Map.of("query", "{ a: __type(name: \"Leader\") { name } b: __type(name: \"Visit\") { name } }"));
        for (Map<String, Object> request : requests) {
            client().accept("application/graphql-response+json").contentType(ContentType.JSON).body(request)
                    .when().post("/graphql").then().log().ifValidationFails().statusCode(400)
                    .statusLine(endsWith(" 400 Bad Request")) // it read "400 OK": the reason phrase of SmallRye's 200
                    .contentType(startsWith("application/graphql-response+json"))
                    .body("$", not(hasKey("data"))).body("errors[0].extensions.code", notNullValue())
                    .body("errors[0].extensions.code", not(equalTo("INTERNAL_SERVER_ERROR")));
            // under application/json every well-formed request is 200 (the specification's rule)
            client().contentType(ContentType.JSON).body(request).when().post("/graphql").then().statusCode(200)
                    .body("$", not(hasKey("data"))).body("errors[0].extensions.code", notNullValue());
        }
        // A field's failure is not a request error: the answer has data (here null) and stays 200.
        client().accept("application/graphql-response+json").contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { deleteStatement(key: \"none\") { deleted } }")).when().post("/graphql")
                .then().statusCode(200).body("$", hasKey("data"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void mutationsOverGetAre405() {
        client().queryParam("query", "mutation { deleteStatement(key: \"none\") { deleted } }")
                .when().get("/graphql").then().log().ifValidationFails()
                .statusCode(405).header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void headAnswersAsGetWithoutTheBody() {
        // It was 405: RFC 9110 asks every general-purpose server to support HEAD wherever it supports GET.
        var get = client().queryParam("query", QUERY).when().get("/graphql").then().statusCode(200).extract();
        String etag = get.header("ETag");
        client().queryParam("query", QUERY).when().head("/graphql").then().log().ifValidationFails()
                .statusCode(200).contentType(startsWith("application/json")).header("ETag", etag)
                .header("Cache-Control", get.header("Cache-Control")).body(emptyString());
        client().header("If-None-Match", etag).queryParam("query", QUERY).when().head("/graphql").then()
                .statusCode(304).header("ETag", etag);
        client().queryParam("query", "mutation { deleteStatement(key: \"none\") { deleted } }").when()
                .head("/graphql").then().statusCode(405).header("Allow", "POST").body(emptyString());
        client().accept("application/graphql-response+json").queryParam("query", "{ leader(").when()
                .head("/graphql").then().statusCode(400).header("Cache-Control", "no-store").body(emptyString());
    }

    @Test
    void answersRefusalsAndThePlaygroundCarryTheSecurityHeaders() {
        List<ValidatableResponse> responses = List.of(
                client().queryParam("query", "{ __typename }").when().get("/graphql").then().statusCode(200),
                client().contentType("application/json").body(Map.of("query", "{ __typename }")).when()
                        .put("/graphql").then().statusCode(405),
                given().when().delete("/api/datasets").then().statusCode(405),
                given().when().get("/q/graphql-ui/").then().statusCode(200));
        for (ValidatableResponse response : responses) {
            response.log().ifValidationFails().header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY").header("Content-Security-Policy", "frame-ancestors 'none'")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void aPropertyNamedTwiceIsRefusedRatherThanOneValueChosen() {
        // Parsers disagree on which of two equal names wins; Vert.x kept the last one before this check.
        for (String body : List.of("{\"query\": \"{ __typename }\", \"query\": \"{ leaders { totalCount } }\"}",
                "{\"query\": \"query($n: Int) { leaders(first: $n) { totalCount } }\", \"variables\": {\"n\": 1, \"n\": 2}}")) {
            client().contentType("application/json").body(body).when().post("/graphql").then().log().ifValidationFails()
                    .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", containsString("twice")).body("data", nullValue());
        }
        client().queryParam("query", "query($n: Int) { leaders(first: $n) { totalCount } }")
                .queryParam("variables", "{\"n\": 1, \"n\": 2}").when().get("/graphql").then()
                .statusCode(400).body("errors[0].message", containsString("\"variables\" names the same property twice"));
        client().contentType("application/json").body("{\"query\": \"{ __typename }\", \"variables\": {\"a\": {\"n\": 1}, \"b\": {\"n\": 2}}}")
                .when().post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void jsonPastTheParsersLimitsIsRefusedInPlainWords() {
        String query = "query($n: Int) { leaders(first: $n) { totalCount } }";
        String deep = "{\"query\": \"" + query + "\", \"variables\": {\"x\": " + "[".repeat(1_001) + "]".repeat(1_001) + "}}";
        client().contentType("application/json").body(deep).when().post("/graphql").then().log().ifValidationFails()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("The body passes a limit of the JSON parser: Document nesting depth (1001)"
                        + " exceeds the maximum allowed (1000)."))
                .body("data", nullValue());
        client().queryParam("query", query).queryParam("variables", "{\"n\": " + "1".repeat(1_001) + "}").when()
                .get("/graphql").then().log().ifValidationFails()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("\"variables\" passes a limit of the JSON parser: Number value length"
                        + " (1001) exceeds the maximum allowed (1000)."));
    }

    @Test
    void aGetParameterGivenTwiceIsRefusedRatherThanOneValueChosen() {
        // The query string's version of a property named twice: the first and the last value each have takers.
        Map<String, List<String>> twice = Map.of(
                "query", List.of("{ __typename }", "{ leaders { totalCount } }"),
                "operationName", List.of("A", "B"),
                "variables", List.of("{}", "{\"n\": 1}"),
                "extensions", List.of("{}", "{}"));
        twice.forEach((name, values) -> {
            RequestSpecification request = client().queryParam(name, values.get(0)).queryParam(name, values.get(1));
            if (!name.equals("query")) {
                request.queryParam("query", "query A($n: Int) { leaders(first: $n) { totalCount } } query B { __typename }");
            }
            request.when().get("/graphql").then().log().ifValidationFails().statusCode(400)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", equalTo("\"" + name + "\" is given 2 times in the query string; give it once."))
                    .body("data", nullValue());
        });
        client().queryParam("query", "query A($n: Int) { leaders(first: $n) { totalCount } } query B { __typename }")
                .queryParam("operationName", "B").queryParam("variables", "{}").queryParam("extensions", "{}")
                .when().get("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void aUrlThatIsNotAUriIsRefusedWith400BeforeTheService() throws IOException {
        // Quarkus' HTTP layer refuses a URL java.net.URI cannot parse (a '%' without two hex digits) before
        // any route runs, with an empty body: no route of ours can add the JSON error (README, Limits).
        // HTTP clients refuse to send such a URL, so the request goes over a plain socket.
        for (String url : List.of("/graphql?query=%zz", "/graphql?query=%7B__typename%7D&x=%", "/api/datasets%zz")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), url + " answered: " + answer);
                assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-length: 0"), url + " answered: " + answer);
            }
        }
        client().queryParam("query", "{ __typename }").when().get("/graphql").then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void subscriptionsOverHttpAreRefusedWithWhereToSendThem() {
        client().contentType("application/json").body(Map.of("query", "subscription { statementAdded { key } }"))
                .when().post("/graphql").then().log().ifValidationFails()
                .statusCode(200).body("errors[0].extensions.code", equalTo("SUBSCRIPTION_NEEDS_WEBSOCKET"))
                .body("errors[0].message", containsString("WebSocket")).body("data", nullValue());
        client().queryParam("query", "subscription { statementAdded { key } }").when().get("/graphql").then()
                .statusCode(405).body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aSubscriptionThatIsNotValidHearsWhatIsWrongBeforeWhereToSendIt() {
        client().contentType("application/json").body(Map.of("query", "subscription { noSuchField }"))
                .when().post("/graphql").then().log().ifValidationFails()
                .statusCode(200).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString("noSuchField")).body("data", nullValue());
    }

    @Test
    void otherMethodsAre405AndUnacceptableMediaTypes406WithAJsonBody() {
        client().contentType("application/json").body(Map.of("query", "{ __typename }")).when().put("/graphql").then()
                .statusCode(405).header("Allow", "GET, HEAD, POST, OPTIONS")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        client().accept("text/html").queryParam("query", "{ __typename }").when().get("/graphql").then()
                .statusCode(406).contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
        client().accept("application/json;q=0, text/html").contentType("application/json")
                .body(Map.of("query", "{ __typename }")).when().post("/graphql").then().statusCode(406);
        client().accept("text/html;q=0.9, */*;q=0.1").queryParam("query", "{ __typename }").when()
                .get("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void aGetLongerThanTheRequestLineLimitIs414AndTheSameQueryGoesByPost() {
        // Vert.x refuses a request line over 4,096 bytes before any handler runs (no body); the README says so.
        String query = "{ __typename # " + "a long comment ".repeat(300) + "\n}";
        client().queryParam("query", query).when().get("/graphql").then().statusCode(414);
        client().contentType("application/json").body(Map.of("query", query)).when().post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void aPostWithoutJsonIs415() {
        client().contentType("text/plain").body(QUERY).when().post("/graphql").then().log().ifValidationFails()
                .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aPostIsJsonInUtf8() {
        byte[] body = ("{\"query\": \"{ sector(slug: \\\"énergie\\\") { name } leader(slug: \\\"lee-jae-myung\\\") { name } }\"}")
                .getBytes(StandardCharsets.UTF_8);
        // The last: GraphiQL in Chromium sets the header twice, and the browser joins the two.
        for (String type : List.of("application/json", "APPLICATION/JSON; charset=UTF-8", "application/json;charset=\"utf-8\"",
                "application/json, application/json")) {
            exactly(type, body).statusCode(200).body("errors", nullValue()).body("data.leader.name", equalTo("Lee Jae Myung"));
        }
        // The media type itself, not a name that starts like it.
        for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json, text/plain")) {
            exactly(type, body).statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        // SmallRye decodes the body with the charset named: another one ran a query other than the one
        // checked, and a name the JVM does not know was a 500.
        for (String type : List.of("application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                "application/json; charset=no-such-charset")) {
            exactly(type, body).statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                    .body("errors[0].message", containsString("UTF-8"));
        }
        // Bytes that are not UTF-8, and a byte order mark, were answered 200 "Unparseable request" without a code.
        String json = new String(body, StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        // Forms that lenient decoders accept: an overlong ')' (C0 A9) and an encoded surrogate (ED A0 80).
        byte[] overlong = json.replace("é", "\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = overlong.clone();
        int at = json.replace("é", "\u0000").indexOf("\u0000");
        overlong = splice(overlong, at, new byte[] { (byte) 0xC0, (byte) 0xA9 });
        surrogate = splice(surrogate, at, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
        for (byte[] bytes : List.of(json.getBytes(StandardCharsets.UTF_16), json.getBytes(StandardCharsets.ISO_8859_1), bom,
                overlong, surrogate)) {
            exactly("application/json", bytes).statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", containsString(bytes == bom ? "byte order mark" : "not valid UTF-8"))
                    .body("data", nullValue());
        }
        // ASCII text in UTF-16 or UTF-32 without a mark is valid UTF-8 byte for byte (NULs and ASCII), but not JSON:
        // a JSON parser that guessed their encoding would check another query than SmallRye runs.
        for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            exactly("application/json", json.replace("é", "e").getBytes(Charset.forName(charset))).statusCode(400)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", containsString("not valid JSON")).body("data", nullValue());
        }
    }

    @Test
    void aCompressedPostIs415NamingTheCodingAccepted() throws IOException {
        String json = "{\"query\": \"{ __typename }\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        // A gzip body was refused as "not valid UTF-8"; a plain one labelled br was run as if it were plain.
        for (Map.Entry<String, byte[]> sent : List.of(Map.entry("gzip", out.toByteArray()),
                Map.entry("br", json.getBytes(StandardCharsets.UTF_8)), Map.entry("identity, gzip", out.toByteArray()))) {
            client().contentType("application/json").header("Content-Encoding", sent.getKey()).body(sent.getValue())
                    .when().post("/graphql").then().log().ifValidationFails()
                    .statusCode(415).header("Accept-Encoding", "identity")
                    .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                    .body("errors[0].message", containsString("uncompressed")).body("data", nullValue());
        }
        client().contentType("application/json").header("Content-Encoding", "identity").body(json)
                .when().post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    /** {@code bytes} with the six bytes at {@code at} (a {@code \\u0000} escape) replaced by {@code with}. */
    private static byte[] splice(byte[] bytes, int at, byte[] with) {
        byte[] result = new byte[bytes.length - 6 + with.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(with, 0, result, at, with.length);
        System.arraycopy(bytes, at + 6, result, at + with.length, bytes.length - at - 6);
        return result;
    }

    /** A POST with exactly this Content-Type (rest-assured adds no charset) and these bytes. */
    private static ValidatableResponse exactly(String contentType, byte[] body) {
        return client().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", contentType).body(body).when().post("/graphql").then().log().ifValidationFails();
    }

    @Test
    void getQueriesCarryAStrongETagAndRevalidateWith304UntilTheDataChanges() {
        var first = client().queryParam("query", QUERY).when().get("/graphql").then().log().ifValidationFails()
                .statusCode(200).header("Cache-Control", "public, max-age=60")
                .header("ETag", startsWith("\"")).header("Vary", containsString("Accept-Encoding"))
                .extract();
        String etag = first.header("ETag");
        client().header("If-None-Match", etag).queryParam("query", QUERY).when().get("/graphql").then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        // If-None-Match compares weakly: a proxy that gzipped the answer hands clients W/"…".
        client().header("If-None-Match", "\"another\", W/" + etag).queryParam("query", QUERY).when().get("/graphql")
                .then().statusCode(304).header("ETag", etag);

        GraphQL.asEditor("mutation { upsertCountry(input: {code: \"EV\", name: \"Etag Valley " + System.nanoTime()
                + "\"}) { code } }").body("errors", nullValue());
        String after = client().header("If-None-Match", etag).queryParam("query", QUERY).when().get("/graphql")
                .then().statusCode(200).body("data.leader.name", equalTo("Lee Jae Myung")).extract().header("ETag");
        assertNotEquals(etag, after, "a write must change the ETag");
    }

    @Test
    void theETagNamesTheBuildSoThatAClientOfAnEarlierBuildRefetches() {
        String representation = QUERY + "\nnull\nnull\nfalse\ntrue";
        assertEquals(EntityTags.of("0.1.0+2026-12-04T12:00:00Z", 7, representation),
                EntityTags.of("0.1.0+2026-12-04T12:00:00Z", 7, representation));
        assertNotEquals(EntityTags.of("0.1.0+2026-12-04T12:00:00Z", 7, representation),
                EntityTags.of("0.1.0+2026-12-04T13:00:00Z", 7, representation), "another build, same data");
        assertNotEquals(EntityTags.of("0.1.0+2026-12-04T12:00:00Z", 7, representation),
                EntityTags.of("0.1.0+2026-12-04T12:00:00Z", 8, representation), "same build, new data");
    }

    @Test
    void responsesWithErrorsOrCredentialsAreNeverCached() {
        client().queryParam("query", "{ quotes(first: 1000) { totalCount } }").when().get("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .header("Cache-Control", "no-store").header("ETag", nullValue());
        client().header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN).queryParam("query", QUERY)
                .when().get("/graphql").then().statusCode(200)
                .header("Cache-Control", "no-store").header("ETag", nullValue());
        client().contentType(ContentType.JSON).body(Map.of("query", QUERY)).when().post("/graphql").then()
                .statusCode(200).header("ETag", nullValue());
    }

    @Test
    void largeAnswersAreGzippedWhenAccepted() {
        client().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").queryParam("query", "{ quotes(first: 100) { edges { node { text } } } }")
                .when().get("/graphql").then().statusCode(200).header("Content-Encoding", "gzip");
        client().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").queryParam("query", QUERY)
                .when().get("/graphql").then().statusCode(200).header("Content-Encoding", not(equalTo("gzip")));
    }

    /** A strong ETag names one representation (RFC 9110, 8.8.3): bodies in different codings never share one. */
    @Test
    void eachContentCodingOfAnAnswerHasItsOwnETag() {
        String query = "{ quotes(first: 100) { edges { node { text } } } }";
        Map<String, String> etags = new java.util.HashMap<>();
        for (String acceptEncoding : List.of("gzip", "GZIP", "deflate", "identity", "gzip;q=0", "*", "br", "gzip")) {
            io.restassured.response.Response answer = client()
                    .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                    .header("Accept-Encoding", acceptEncoding).queryParam("query", query).when().get("/graphql");
            answer.then().statusCode(200).header("ETag", notNullValue());
            String coding = String.valueOf(answer.header("Content-Encoding"));
            String etag = answer.header("ETag");
            String earlier = etags.putIfAbsent(etag, coding);
            assertEquals(earlier == null ? coding : earlier, coding,
                    "Accept-Encoding " + acceptEncoding + " got " + coding + " under an ETag an answer in another coding had");
        }
    }

    @Test
    void automaticPersistedQueriesEndToEnd() {
        String query = "{ sectors { slug } __typename }";
        String hash = PersistedQueries.sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        // 1. the short GET a mobile app sends first: unknown hash
        client().queryParam("extensions", extensions).when().get("/graphql").then().log().ifValidationFails()
                .statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));
        // 2. it then sends the query with its hash, which registers it
        client().queryParam("query", query).queryParam("extensions", extensions).when().get("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
        // 3. from now on the hash alone is enough, over GET (cacheable) and POST
        client().queryParam("extensions", extensions).when().get("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data.sectors.slug", notNullValue()).header("ETag", notNullValue());
        client().contentType(ContentType.JSON).body("{\"extensions\":" + extensions + "}").when().post("/graphql")
                .then().statusCode(200).body("data.__typename", equalTo("Query"));
        // Apollo's GET: a named operation, its variables and the hash, with and then without the query
        String named = "query Leader($s: String!) { leader(slug: $s) { name } }";
        String namedExtensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + PersistedQueries.sha256(named)
                + "\"}}";
        client().queryParam("operationName", "Leader").queryParam("variables", "{\"s\":\"lee-jae-myung\"}")
                .queryParam("query", named).queryParam("extensions", namedExtensions).when().get("/graphql").then()
                .statusCode(200).body("errors", nullValue()).body("data.leader.name", equalTo("Lee Jae Myung"));
        client().queryParam("operationName", "Leader").queryParam("variables", "{\"s\":\"lee-jae-myung\"}")
                .queryParam("extensions", namedExtensions).when().get("/graphql").then()
                .statusCode(200).body("errors", nullValue()).body("data.leader.name", equalTo("Lee Jae Myung"));
        // a hash that is not the hash of its query is refused
        client().contentType(ContentType.JSON)
                .body(Map.of("query", "{ leaders { totalCount } }", "extensions", Map.of("persistedQuery",
                        Map.of("version", 1, "sha256Hash", hash))))
                .when().post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
    }
}
