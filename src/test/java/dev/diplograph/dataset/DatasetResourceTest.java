package dev.diplograph.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
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

    /**
     * Imports sectors {@code slugPrefix-0} to {@code slugPrefix-(count - 1)}, each with a 9,000-character
     * description, so that an export has plenty of bytes to send before it reaches the visits.
     */
    static void importLongSectors(String slugPrefix, int count) {
        List<String> sectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sectors.add("{\"slug\": \"" + slugPrefix + "-" + i + "\", \"name\": \"" + slugPrefix + " " + i
                    + "\", \"description\": \"" + "A long description. ".repeat(450) + "\"}");
        }
        post("{\"format\": \"visits-dataset/1\", \"sectors\": [" + String.join(", ", sectors) + "]}").statusCode(200);
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
    void aDryRunReportsWhatAnImportWouldDoAndWritesNothing() {
        String document = VALID.replace("dr-", "dy-").replace("\"QI\"", "\"QD\"").replace("\"QJ\"", "\"QE\"");
        String check = """
                { country(code: "QD") { name } leader(slug: "dy-leader") { name }
                  quotes(filter: {speaker: "dy-leader"}) { totalCount } }""";
        withQuery("dryRun=true", document).statusCode(200)
                .body("dryRun", equalTo(true))
                .body("records.countries.created", equalTo(2))
                .body("records.statements.created", equalTo(1))
                .body("records.cooperationAreas.created", equalTo(1));
        GraphQL.post(check).body("errors", nullValue()).body("data.country", nullValue())
                .body("data.leader", nullValue()).body("data.quotes.totalCount", equalTo(0));
        // A dry run reports the same problems as an import.
        withQuery("dryRun=true", document.replace("\"speaker\": \"dy-leader\"", "\"speaker\": \"dy-nobody\""))
                .statusCode(422).body("code", equalTo("INVALID_DATASET"))
                .body("errors.pointer", hasItems("/statements/0/speaker"));
        // A parameter the import does not know, or a dryRun that is neither true nor false, is refused
        // before anything is written: ignoring "?dry-run=true" would have imported the document.
        for (String query : List.of("dry-run=true", "dryrun=true", "dryRun=yes", "dryRun=true&dryRun=false")) {
            withQuery(query, document).statusCode(400).body("code", equalTo("BAD_REQUEST"))
                    .body("message", containsString("Nothing was written"));
        }
        GraphQL.post(check).body("data.country", nullValue()).body("data.quotes.totalCount", equalTo(0));
        withQuery("dryRun=false", document).statusCode(200).body("dryRun", equalTo(false))
                .body("records.countries.created", equalTo(2));
        GraphQL.post(check).body("errors", nullValue()).body("data.country.name", equalTo("Importland"))
                .body("data.leader.name", equalTo("Ida Import")).body("data.quotes.totalCount", equalTo(1));
    }

    private static ValidatableResponse withQuery(String query, String body) {
        return given().contentType("application/json").header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/datasets?" + query).then();
    }

    @Test
    void malformedJsonIsRefusedAndNothingIsWritten() {
        post("""
                {"format": "visits-dataset/1", "countries": [{"code": "QK", "name": "Brokenland"}], "sectors": [""")
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("message", containsString("line"));
        post("[1, 2]").statusCode(400).body("code", equalTo("MALFORMED_BODY"));
        // A name twice in one object: a tree would keep the second value, silently.
        for (String twice : List.of(
                "{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"QK\", \"name\": \"A\", \"name\": \"B\"}]}",
                "{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"QK\", \"name\": \"A\"}], \"countries\": []}")) {
            post(twice).statusCode(400).body("code", equalTo("MALFORMED_BODY"))
                    .body("message", containsString("same property twice"))
                    .body("message", containsString("line 1"));
        }
        GraphQL.post("{ country(code: \"QK\") { name } }").body("data.country", nullValue());
    }

    @Test
    void aDocumentPastTheParsersLimitsIsRefusedInPlainWordsAndNothingIsWritten() {
        String countries = "{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"QK\", \"name\": \"Deepland\"}], ";
        String deep = countries + "\"sectors\": " + "[".repeat(1_001) + "]".repeat(1_001) + "}";
        String longNumber = countries + "\"sources\": [{\"key\": \"s\", \"outlet\": \"O\", \"n\": " + "1".repeat(1_001)
                + "}]}";
        post(deep).statusCode(400).body("code", equalTo("MALFORMED_BODY"))
                .body("message", startsWith("The document passes a limit of the JSON parser: Document nesting depth"))
                .body("message", not(containsString("StreamReadConstraints")))
                .body("message", endsWith("(1000). Nothing was written."));
        post(longNumber).statusCode(400).body("code", equalTo("MALFORMED_BODY"))
                .body("message", containsString("Number value length (1001) exceeds the maximum allowed (1000)."))
                .body("message", not(containsString("StreamReadConstraints")));
        GraphQL.post("{ country(code: \"QK\") { name } }").body("errors", nullValue()).body("data.country", nullValue());
    }

    @Test
    void aWrongContentTypeIsRefusedWithAJsonBody() {
        post(GraphQL.EDITOR_TOKEN, "text/plain", VALID.getBytes(StandardCharsets.UTF_8))
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anotherMethodIs405WithAllowAndAnUnacceptableTypeIs406BothInJson() {
        String options = given().when().options("/api/datasets").then().statusCode(200).extract().header("Allow");
        String allow = given().header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN).when().delete("/api/datasets")
                .then().log().ifValidationFails().statusCode(405).contentType(ContentType.JSON)
                .body("code", equalTo("METHOD_NOT_ALLOWED")).body("message", containsString("DELETE"))
                .extract().header("Allow");
        assertEquals(methods(options), methods(allow), "the 405's Allow header lists what OPTIONS lists");
        assertTrue(methods(allow).containsAll(Set.of("GET", "POST")), allow);
        given().accept("application/xml").when().get("/api/datasets").then().log().ifValidationFails()
                .statusCode(406).contentType(ContentType.JSON).body("code", equalTo("NOT_ACCEPTABLE"))
                .body("message", not(containsString("@Produces")));
    }

    private static Set<String> methods(String allow) {
        assertNotNull(allow, "an Allow header");
        return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
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
                .body("errors.message", hasItems(containsString("extra")))
                // the validator's "does not match the date pattern must be a valid RFC 3339 full-date", as one sentence
                .body("errors.find { it.pointer == '/statements/0/saidOn' }.message",
                        equalTo("must be a valid RFC 3339 full-date (YYYY-MM-DD)"));
        GraphQL.post("{ country(code: \"QL\") { name } }").body("data.country", nullValue());
    }

    @Test
    void oneMistakeGetsItsOwnErrorsAndNoOthers() {
        // An error early in the document once made every later visit's sectors "listed twice".
        post("""
                {"format": "visits-dataset/1",
                 "countries": [{"code": "qs", "name": "Spuria"}, {"code": "QS", "name": "Spuria"}],
                 "sectors": [{"slug": "sp-a", "name": "A"}, {"slug": "sp-b", "name": "B"}, {"slug": "sp-c", "name": "C"}],
                 "leaders": [{"slug": "sp-leader", "name": "S", "country": "QS"}],
                 "visits": [{"key": "sp-visit", "leader": "sp-leader", "hostCountry": "QS", "startDate": "2031-03-01",
                             "sectors": [{"sector": "sp-a"}, {"sector": "sp-b"}, {"sector": "sp-c"}]},
                            {"key": "sp-twice", "leader": "sp-leader", "hostCountry": "QS", "startDate": "2031-03-02",
                             "sectors": [{"sector": "sp-a"}, {"sector": "sp-b"}, {"sector": "sp-a"}]}]}""")
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/countries/0/code", "/visits/1/sectors/2/sector"))
                .body("errors.find { it.pointer == '/visits/1/sectors/2/sector' }.message",
                        equalTo("sector \"sp-a\" is listed twice; a visit has at most one cooperation area per sector"));
        GraphQL.post("{ country(code: \"QS\") { name } }").body("data.country", nullValue());
    }

    @Test
    void aSourcesUrlMustBeAWebLinkThoughTheSchemaTakesAnyUri() {
        post("""
                {"format": "visits-dataset/1",
                 "sources": [{"key": "url-js", "outlet": "W", "url": "javascript:alert(1)"},
                             {"key": "url-ok", "outlet": "W", "url": "https://example.org/a"},
                             {"key": "url-mail", "outlet": "W", "url": "mailto:desk@example.org"}]}""")
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/sources/0/url", "/sources/2/url"))
                .body("errors.message", everyItem(equalTo("must be an http or https URL")));
        GraphQL.post("{ source(key: \"url-ok\") { key } }").body("data.source", nullValue());
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

    static byte[] gzip(byte[] document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ValidatableResponse postEncoded(String encoding, byte[] body) {
        return given().contentType("application/json").header("Authorization", "Bearer " + GraphQL.EDITOR_TOKEN)
                .header("Content-Encoding", encoding).body(body).when().post("/api/datasets").then();
    }

    @Test
    void aGzipBodyIsImportedAsTheDocumentItHolds() {
        String document = VALID.replace("dr-", "gz-").replace("\"QI\"", "\"YG\"").replace("\"QJ\"", "\"YH\"");
        byte[] compressed = gzip(document.getBytes(StandardCharsets.UTF_8));
        postEncoded("gzip", compressed).statusCode(200)
                .body("records.countries.created", equalTo(2))
                .body("records.statements.created", equalTo(1));
        // x-gzip is the same coding (RFC 9110); the same document again only updates.
        postEncoded("x-gzip", compressed).statusCode(200)
                .body("records.countries.updated", equalTo(2))
                .body("records.statements.updated", equalTo(1));
        GraphQL.post("{ leader(slug: \"gz-leader\") { visits { sectors { quotes { text } } } } }")
                .body("errors", nullValue())
                .body("data.leader.visits[0].sectors[0].quotes[0].text", equalTo("Imports are welcome here."));
    }

    @Test
    void badGzipAndOtherCodingsAreRefusedAndNothingIsWritten() {
        String document = VALID.replace("dr-", "gb-").replace("\"QI\"", "\"YD\"").replace("\"QJ\"", "\"YE\"");
        byte[] compressed = gzip(document.getBytes(StandardCharsets.UTF_8));
        // Not gzip at all, cut short, and empty: each a clear 400.
        postEncoded("gzip", document.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("code", equalTo("MALFORMED_BODY")).body("message", containsString("not valid gzip"))
                .body("message", containsString("Nothing was written"));
        postEncoded("gzip", Arrays.copyOf(compressed, compressed.length / 2)).statusCode(400)
                .body("code", equalTo("MALFORMED_BODY")).body("message", containsString("not valid gzip"));
        postEncoded("gzip", new byte[0]).statusCode(400).body("code", equalTo("MALFORMED_BODY"));
        // A coding the service cannot read, or gzip twice: 415 naming the coding it reads.
        for (String coding : List.of("br", "deflate", "gzip, gzip")) {
            postEncoded(coding, compressed).statusCode(415)
                    .header("Accept-Encoding", "gzip")
                    .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                    .body("message", containsString("Content-Encoding '" + coding + "'"));
        }
        GraphQL.post("{ country(code: \"YD\") { name } leader(slug: \"gb-leader\") { name } }")
                .body("errors", nullValue()).body("data.country", nullValue()).body("data.leader", nullValue());
        // identity is the document itself.
        postEncoded("identity", document.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("records.countries.created", equalTo(2));
    }

    @Test
    void aGzipBodyThatUnpacksPastTheLimitIsRefused() {
        // 5 MB of blanks inside a valid document (the test limit is 4 MB) travel as a few kilobytes.
        byte[] document = new byte[5 * 1024 * 1024];
        Arrays.fill(document, (byte) ' ');
        byte[] start = "{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"YZ\", \"name\": \"Bombland\"}]"
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, document, 0, start.length);
        document[document.length - 1] = '}';
        byte[] compressed = gzip(document);
        assertTrue(compressed.length < 64 * 1024, "the compressed body is small: " + compressed.length);
        postEncoded("gzip", compressed).statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("message", containsString("once decompressed"));
        GraphQL.post("{ country(code: \"YZ\") { name } }").body("data.country", nullValue());
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
    void aByteOrderMarkIsSkippedAndAUtf16FileIsReadAsTheTextItHolds() {
        String document = "{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"%s\", \"name\": \"Köln–İzmir %s\"}]}";
        ByteArrayOutputStream marked = new ByteArrayOutputStream();
        marked.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        marked.writeBytes(document.formatted("YC", "mark").getBytes(StandardCharsets.UTF_8));
        post(GraphQL.EDITOR_TOKEN, "application/json", marked.toByteArray()).statusCode(200);
        // as Windows PowerShell 5 writes files (with its mark), and without one
        post(GraphQL.EDITOR_TOKEN, "application/json", document.formatted("YF", "16").getBytes(StandardCharsets.UTF_16))
                .statusCode(200);
        post(GraphQL.EDITOR_TOKEN, "application/json", document.formatted("YK", "16LE").getBytes(StandardCharsets.UTF_16LE))
                .statusCode(200);
        GraphQL.post("{ a: country(code: \"YC\") { name } b: country(code: \"YF\") { name } c: country(code: \"YK\") { name } }")
                .body("data.a.name", equalTo("Köln–İzmir mark"))
                .body("data.b.name", equalTo("Köln–İzmir 16"))
                .body("data.c.name", equalTo("Köln–İzmir 16LE"));
    }

    @Test
    void textNoDatabaseStoresIsRefusedWithItsPointerAndNothingIsWritten() {
        // PostgreSQL answered U+0000 with a 500 and stored a lone surrogate as '?'; H2 kept both.
        post("""
                {"format": "visits-dataset/1",
                 "countries": [{"code": "QN", "name": "Nul\\u0000land"}, {"code": "QO", "name": "Fine"}],
                 "sectors": [{"slug": "nul-sector", "name": "S", "keywords": ["ok", "half \\ud83c"]}],
                 "statements": [{"speaker": "x", "kind": "DIRECT", "text": "\\udf0d and more", "source": "s"}]}""")
                .statusCode(422)
                .body("code", equalTo("INVALID_DATASET"))
                .body("errors.pointer", hasItems("/countries/0/name", "/sectors/0/keywords/1", "/statements/0/text"))
                .body("errors.message", hasItems(
                        "must not contain the character U+0000 (NUL), which PostgreSQL cannot store (at character 4)",
                        "must not contain an unpaired surrogate \\uD83C, which is not a Unicode character (at character 6)",
                        "must not contain an unpaired surrogate \\uDF0D, which is not a Unicode character (at character 1)"));
        GraphQL.post("{ country(code: \"QO\") { name } }").body("data.country", nullValue());

        // the same surrogate written as raw bytes (CESU-8) instead of an escape is not UTF-8 at all
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"format\": \"visits-dataset/1\", \"countries\": [{\"code\": \"QP\", \"name\": \"Raw".getBytes(
                StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0xBC });
        body.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
        post(GraphQL.EDITOR_TOKEN, "application/json", body.toByteArray())
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("message", containsString("UTF-8"));
        GraphQL.post("{ country(code: \"QP\") { name } }").body("data.country", nullValue());
    }

    @Test
    void aDateInYearZeroIsRefusedWithItsPointer() {
        // The schema's date pattern admits 0000; PostgreSQL stored it as 1 BC, and its driver then failed
        // to read the row back, which broke every query and every export that touched it.
        post("""
                {"format": "visits-dataset/1",
                 "sources": [{"key": "y0-source", "outlet": "Wire", "publishedOn": "0000-02-29"},
                             {"key": "y1-source", "outlet": "Wire", "publishedOn": "0001-01-01"}],
                 "visits": [{"key": "y0-visit", "leader": "lee-jae-myung", "hostCountry": "TR", "startDate": "0000-01-01"}]}""")
                .statusCode(422)
                .body("errors.pointer", hasItems("/sources/0/publishedOn", "/visits/0/startDate"))
                .body("errors.message", hasItems(containsString("from 0001-01-01 on")));
        GraphQL.post("{ source(key: \"y1-source\") { key } }").body("data.source", nullValue());
    }

    @Test
    void textAtItsMaximumInCharactersOutsideTheBmpIsStoredWhole() {
        // Two UTF-16 units each: H2 counted those, so 150 emoji overflowed a 200-character column (a 500).
        String name = "\uD83C\uDF0F".repeat(199) + "!";
        String text = "\uD835\uDD18".repeat(10_000);
        String doc = """
                {"format": "visits-dataset/1",
                 "countries": [{"code": "QB", "name": "%1$s", "nativeName": "%1$s"}],
                 "sectors": [{"slug": "bmp-sector", "name": "%1$s", "description": "%2$s", "keywords": ["%1$s"]}],
                 "leaders": [{"slug": "bmp-leader", "name": "%1$s", "nativeName": "%1$s", "office": "%1$s", "country": "QB"}],
                 "sources": [{"key": "bmp-source", "outlet": "%1$s", "title": "%2$s"}],
                 "visits": [{"key": "bmp-visit", "leader": "bmp-leader", "hostCountry": "QB", "startDate": "2031-03-01",
                             "title": "%1$s", "summary": "%2$s", "cities": ["%1$s"],
                             "sectors": [{"sector": "bmp-sector", "summary": "%2$s"}]}],
                 "projects": [{"key": "bmp-project", "name": "%1$s", "sector": "bmp-sector", "summary": "%2$s"}],
                 "statements": [{"key": "bmp-quote", "speaker": "bmp-leader", "kind": "DIRECT", "text": "%2$s",
                                 "source": "bmp-source", "visit": "bmp-visit"}],
                 "milestones": [{"key": "bmp-milestone", "countries": ["QB"], "title": "%1$s", "year": 2031, "summary": "%2$s"}]}
                """.formatted(name, text);
        post(doc).statusCode(200).body("records.statements.created", equalTo(1));
        GraphQL.post("""
                { country(code: "QB") { name nativeName }
                  sector(slug: "bmp-sector") { name description keywords }
                  leader(slug: "bmp-leader") { name nativeName office
                    visits { title summary cities sectors { summary } } }
                  source(key: "bmp-source") { outlet title }
                  project(key: "bmp-project") { name summary }
                  milestone(key: "bmp-milestone") { title summary }
                  quotes(filter: {speaker: "bmp-leader"}) { edges { node { text } } } }""")
                .body("errors", nullValue())
                .body("data.country.name", equalTo(name)).body("data.country.nativeName", equalTo(name))
                .body("data.sector.name", equalTo(name)).body("data.sector.description", equalTo(text))
                .body("data.sector.keywords[0]", equalTo(name))
                .body("data.leader.name", equalTo(name)).body("data.leader.office", equalTo(name))
                .body("data.leader.visits[0].title", equalTo(name)).body("data.leader.visits[0].summary", equalTo(text))
                .body("data.leader.visits[0].cities[0]", equalTo(name))
                .body("data.leader.visits[0].sectors[0].summary", equalTo(text))
                .body("data.source.outlet", equalTo(name)).body("data.source.title", equalTo(text))
                .body("data.project.name", equalTo(name)).body("data.project.summary", equalTo(text))
                .body("data.milestone.title", equalTo(name)).body("data.milestone.summary", equalTo(text))
                .body("data.quotes.edges[0].node.text", equalTo(text));

        // the mutations count characters as the schema does: 200 pass, 201 do not
        GraphQL.asEditor("mutation($n: String!) { upsertCountry(input: {code: \"QB\", name: $n}) { name } }",
                Map.of("n", "\uD83C\uDF0F".repeat(200)))
                .body("errors", nullValue());
        GraphQL.asEditor("mutation($n: String!) { upsertCountry(input: {code: \"QB\", name: $n}) { name } }",
                Map.of("n", "\uD83C\uDF0F".repeat(201)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("input.name"));
        post(doc.replace(name, name + "x")).statusCode(422).body("errors.pointer", hasItems("/countries/0/name"));
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
    void anExportCarriesAStrongETagAndIs304UntilTheDataChanges() {
        String etag = given().when().get("/api/datasets").then().statusCode(200)
                .header("ETag", matchesPattern("\"[0-9]+-[0-9a-f]{32}\""))
                .header("Cache-Control", "no-cache")
                .header("Vary", containsString("Accept-Encoding"))
                .body("format", equalTo("visits-dataset/1"))
                .extract().header("ETag");
        // Unchanged data: 304 without the document, for the tag alone, in a list, or compared weakly.
        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            given().header("If-None-Match", ifNoneMatch).when().get("/api/datasets").then().statusCode(304)
                    .header("ETag", etag).body(emptyString());
        }
        // The uncompressed representation has a tag of its own (rest-assured asks for gzip unless told not to).
        String identity = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").when().get("/api/datasets").then().statusCode(200)
                .header("Content-Encoding", nullValue()).header("ETag", not(equalTo(etag))).extract().header("ETag");
        // So has the deflated one (it once shared the identity tag: only "gzip" was looked for).
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "deflate").when().get("/api/datasets").then().statusCode(200)
                .header("Content-Encoding", "deflate").header("ETag", not(equalTo(identity))).header("ETag", not(equalTo(etag)));
        // HEAD gives the same tag and the same headers as the download, without a body.
        given().when().head("/api/datasets").then().statusCode(200).header("ETag", etag)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", equalTo("attachment; filename=\"visits-dataset.json\""))
                .body(emptyString());
        given().when().get("/api/datasets").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"visits-dataset.json\""));
        // A write: the old tag gets the whole document again, under a new tag.
        post(VALID.replace("dr-", "et-").replace("\"QI\"", "\"YI\"").replace("\"QJ\"", "\"YJ\"")).statusCode(200);
        given().header("If-None-Match", etag).when().get("/api/datasets").then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("leaders.slug", hasItems("et-leader"));
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
