package dev.diplograph.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every kind of bad input gets a clear message and a stable code, never a stack trace or "System error". */
@QuarkusTest
class BadInputTest {

    static ValidatableResponse assertBadInput(ValidatableResponse response, String messagePart) {
        return response
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(messagePart))
                .body("errors[0].message", not(containsString("System error")))
                .body("errors[0].message", not(containsString("Exception")))
                .body("errors[0].extensions", not(hasKey("exception")));
    }

    @Test
    void unknownKeysGiveNull() {
        GraphQL.post("""
                { leader(slug: "nobody") { name } visit(key: "nowhere") { key } sector(slug: "nothing") { name }
                  country(code: "QQ") { name } relation(a: "KR", b: "QQ") { countries { code } }
                  project(key: "none") { key } milestone(key: "none") { key } source(key: "none") { key } }""")
                .body("errors", nullValue())
                .body("data.leader", nullValue()).body("data.visit", nullValue()).body("data.sector", nullValue())
                .body("data.country", nullValue()).body("data.relation", nullValue())
                .body("data.project", nullValue()).body("data.milestone", nullValue()).body("data.source", nullValue());
    }

    @Test
    void malformedCursor() {
        for (String cursor : List.of("not-a-cursor!!", "", "dj", "djF8cXVvdGVzfA")) {
            assertBadInput(GraphQL.post("query($a: String) { quotes(after: $a) { totalCount } }", Map.of("a", cursor)),
                    "not a valid cursor");
        }
    }

    @Test
    void cursorOfAnotherConnection() {
        String leaderCursor = GraphQL.post("{ leaders(first: 1) { pageInfo { endCursor } } }")
                .extract().jsonPath().getString("data.leaders.pageInfo.endCursor");
        assertBadInput(GraphQL.post("query($a: String) { visits(after: $a) { totalCount } }", Map.of("a", leaderCursor)),
                "not a valid cursor of the visits connection");
        assertBadInput(GraphQL.post("query($a: String) { quotes(after: $a) { totalCount } }", Map.of("a", leaderCursor)),
                "not a valid cursor of the quotes connection");
    }

    @Test
    void firstAboveTheMaximumOrNegative() {
        assertBadInput(GraphQL.post("{ leaders(first: 101) { totalCount } }"), "between 0 and 100");
        assertBadInput(GraphQL.post("{ visits(first: -1) { totalCount } }"), "between 0 and 100");
        assertBadInput(GraphQL.post("{ quotes(first: 1000000) { totalCount } }"), "between 0 and 100");
        assertBadInput(GraphQL.post("{ leader(slug: \"lee-jae-myung\") { visits(first: 501) { key } } }"),
                "between 0 and 500");
        assertBadInput(GraphQL.post("{ leader(slug: \"lee-jae-myung\") { quotes(first: -5) { key } } }"),
                "between 0 and 500");
        // A leader's visits are grouped, so their areas' quotes are answered from siblings, not by
        // SmallRye: the same refusal, once per area.
        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { visits { sectors { quotes(first: 501) { key } } } } }")
                .body("errors", not(empty()))
                .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                .body("errors.message", everyItem(containsString("between 0 and 500")))
                .body("errors.message", everyItem(not(containsString("Exception"))))
                .body("errors.path", everyItem(hasItem("quotes")));
    }

    @Test
    void intArgumentsOutsideTheIntType() {
        // SmallRye's Int scalar wrapped this literal around to -2147483648, and passed the variables below
        // to the resolver, which failed with an internal error.
        assertBadInput(GraphQL.post("{ leaders(first: 2147483648) { totalCount } }"), "got 2147483648");
        assertBadInput(GraphQL.post("{ leaders(first: \"5\") { totalCount } }"), "must be an Int");
        for (Object first : List.of(2147483648L, -2147483649L, 1.5, "5")) {
            assertBadInput(GraphQL.post("query($f: Int) { leaders(first: $f) { totalCount } }", Map.of("f", first)),
                    "'first' must be an Int");
        }
        // A refused value is repeated in the message only in part.
        assertBadInput(GraphQL.post("query($f: Int) { leaders(first: $f) { totalCount } }", Map.of("f", "9".repeat(5000))),
                "got \"" + "9".repeat(39) + "…");
        // A whole number is an Int whatever its JSON spelling.
        GraphQL.post("query($f: Int) { leaders(first: $f) { edges { cursor } } }", Map.of("f", 1.0))
                .body("errors", nullValue())
                .body("data.leaders.edges", hasSize(1));
    }

    @Test
    void valuesOfTheWrongTypeAreDescribedWithoutJavaOrEngineClassNames() {
        // graphql-java described them as 'IntValue{value=5}', 'FloatValue{…}', "but it was a 'ArrayList'", …
        String names = ".*(\\w+Value\\{|SRGQL|'(String|BigDecimal|ArrayList|LinkedHashMap|HashMap|Boolean|Integer)').*";
        for (String query : List.of("{ leaders(first: 1.5) { totalCount } }", "{ leader(slug: 5) { name } }",
                "{ leader(slug: [\"a\"]) { name } }", "{ quotes(filter: {kind: 5}) { totalCount } }",
                "{ quotes(filter: {text: {a: 1}}) { totalCount } }")) {
            assertBadInput(GraphQL.post(query), "is not a valid")
                    .body("errors[0].message", not(matchesPattern(names)));
        }
        for (Object value : List.of("yes", 1, List.of(true), Map.of("a", 1))) {
            assertBadInput(GraphQL.post("query($c: Boolean!) { sectors { slug } leader(slug: \"x\") @include(if: $c) { name } }",
                    Map.of("c", value)), "but it was ").body("errors[0].message", not(matchesPattern(names)));
        }
        assertBadInput(GraphQL.post("query($s: String!) { leader(slug: $s) { name } }", Map.of("s", List.of("a"))),
                "but it was an array");
        // SmallRye's own scalars said "SRGQL000013: Expected type [Date] but was [BigDecimal]."
        assertBadInput(GraphQL.post("query($d: Date) { visits(filter: {from: $d}) { totalCount } }", Map.of("d", 12)),
                "expected a Date but it was a number").body("errors[0].message", not(matchesPattern(names)));
        assertBadInput(GraphQL.post("query($d: Date) { visits(filter: {from: $d}) { totalCount } }", Map.of("d", Map.of("a", 1))),
                "expected a Date but it was an object").body("errors[0].message", not(matchesPattern(names)));
        // graphql-java said "Expected type 'Map' but was 'BigDecimal'. Variables for input objects must be …"
        assertBadInput(GraphQL.post("query($f: QuoteFilter) { quotes(filter: $f) { totalCount } }", Map.of("f", 5)),
                "expected an object but it was a number").body("errors[0].message", not(matchesPattern(names)))
                .body("errors[0].message", not(containsString("'Map'")));
        // … and "with value 'ObjectValue{objectFields=[ObjectField{…}]}' contains a field not in 'QuoteFilter'"
        assertBadInput(GraphQL.post("{ quotes(filter: {sectors: [\"x\"]}) { totalCount } }"),
                "Argument 'filter' of quotes contains a field not in 'QuoteFilter': 'sectors'")
                .body("errors[0].message", not(containsString("Value{")));
        assertBadInput(GraphQL.post("mutation { setCooperationArea(visit: \"v\", input: {}) { status } }"),
                "is missing required fields").body("errors[0].message", not(containsString("Value{")));
        assertBadInput(GraphQL.post("mutation { upsertCountry(input: \"KR\") { code } }"),
                "Argument 'input' of upsertCountry must be an object type").body("errors[0].message", not(containsString("Value{")));
    }

    @Test
    void aDirectivesArgumentOfTheWrongTypeIsNamedAsTheDirectives() {
        // graphql-java names only the field: "Argument 'if' of leader is not a valid Boolean."
        assertBadInput(GraphQL.post("{ leader(slug: \"x\") @skip(if: \"yes\") { name } }"),
                "Argument 'if' of @skip on leader is not a valid Boolean.");
        assertBadInput(GraphQL.post("{ leader(slug: \"x\") { name @include(if: 1) } }"),
                "Argument 'if' of @include on leader/name is not a valid Boolean.");
        // A field's own argument is still named as the field's, also next to a directive.
        assertBadInput(GraphQL.post("{ leader(slug: 5) @skip(if: false) { name } }"),
                "Argument 'slug' of leader is not a valid String.");
    }

    @Test
    void badDates() {
        assertBadInput(GraphQL.post("{ visits(filter: {from: \"2025-02-30\"}) { totalCount } }"), "ISO-8601");
        assertBadInput(GraphQL.post("{ quotes(filter: {to: \"yesterday\"}) { totalCount } }"), "ISO-8601");
        assertBadInput(GraphQL.post("{ quotes(filter: {from: \"0000-01-01\"}) { totalCount } }"), "from 0001-01-01 to 9999-12-31");
        assertBadInput(GraphQL.post("query($f: QuoteFilter) { quotes(filter: $f) { totalCount } }",
                Map.of("f", Map.of("from", "2025-13-01"))), "ISO-8601");
        assertBadInput(GraphQL.post("query($f: QuoteFilter) { quotes(filter: $f) { totalCount } }",
                Map.of("f", Map.of("from", "2".repeat(5000)))), "got \"" + "2".repeat(39) + "…");
        assertBadInput(GraphQL.post("{ visits(filter: {from: \"2025-12-01\", to: \"2025-01-01\"}) { totalCount } }"),
                "is after");
    }

    @Test
    void unknownEnumValues() {
        assertBadInput(GraphQL.post("{ quotes(filter: {kind: QUOTE}) { totalCount } }"), "StatementKind");
        assertBadInput(GraphQL.post("query($k: StatementKind) { quotes(filter: {kind: $k}) { totalCount } }",
                Map.of("k", "QUOTE")), "StatementKind");
    }

    @Test
    void textFilterLimits() {
        assertBadInput(GraphQL.post("{ quotes(filter: {text: \"   \"}) { totalCount } }"), "1 to 200");
        assertBadInput(GraphQL.post("query($t: String) { quotes(filter: {text: $t}) { totalCount } }",
                Map.of("t", "x".repeat(201))), "1 to 200");
    }

    @Test
    void textNoDatabaseStores() {
        // On PostgreSQL these reached the database and came back as INTERNAL_SERVER_ERROR.
        assertBadInput(GraphQL.post("{ sector(slug: \"energy\\u0000\") { name } }"),
                "Argument 'slug' must not contain the character U+0000 (NUL)");
        assertBadInput(GraphQL.post("query($f: QuoteFilter) { quotes(filter: $f) { totalCount } }",
                Map.of("f", Map.of("text", "nuclear\u0000power"))),
                "Argument 'filter.text' must not contain the character U+0000 (NUL), which PostgreSQL cannot store (at character 8)");
    }

    @Test
    void sameCountryTwiceInARelation() {
        assertBadInput(GraphQL.post("{ relation(a: \"KR\", b: \"kr\") { countries { code } } }"), "two different");
    }

    @Test
    void unknownFieldIsAValidationError() {
        GraphQL.post("{ leader(slug: \"lee-jae-myung\") { shoeSize } }")
                .body("errors.extensions.code", everyItem(equalTo("GRAPHQL_VALIDATION_FAILED")));
    }
}
