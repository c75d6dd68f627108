package dev.diplograph.dataset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Checks the default dataset, as served, against the founding article it was read from. */
@QuarkusTest
class SeedDatasetTest {

    static final String VISIT = "lee-jae-myung-tr-2025-11";
    static final String ARTICLE = article();
    static final String QUOTE_MARKS = "\"“”";

    static String article() {
        try (InputStream in = SeedDatasetTest.class.getResourceAsStream("/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leaderWithNativeNameAndBothCountries() {
        GraphQL.post("""
                { leader(slug: "lee-jae-myung") { name nativeName office country { code name nativeName } }
                  tr: country(code: "TR") { code name } }""")
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"))
                .body("data.leader.nativeName", equalTo("이재명"))
                .body("data.leader.office", equalTo("President"))
                .body("data.leader.country.code", equalTo("KR"))
                .body("data.leader.country.name", equalTo("South Korea"))
                .body("data.leader.country.nativeName", equalTo("대한민국"))
                .body("data.tr.name", equalTo("Türkiye"));
    }

    @Test
    void visitStartsOnTheMondayAfterTheArticleAndLastsTwoDays() {
        LocalDate published = LocalDate.parse("2025-11-23");
        assertEquals(DayOfWeek.SUNDAY, published.getDayOfWeek(), "the article is dated on a Sunday");
        LocalDate monday = published.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        GraphQL.post("""
                { visit(key: "%s") { startDate endDate leader { slug } hostCountry { code }
                    sources { outlet publishedOn language } } }""".formatted(VISIT))
                .body("errors", nullValue())
                .body("data.visit.startDate", equalTo(monday.toString()))
                .body("data.visit.endDate", equalTo(monday.plusDays(1).toString()))
                .body("data.visit.leader.slug", equalTo("lee-jae-myung"))
                .body("data.visit.hostCountry.code", equalTo("TR"))
                .body("data.visit.sources[0].outlet", equalTo("Anadolu Agency"))
                .body("data.visit.sources[0].publishedOn", equalTo(published.toString()));
    }

    @Test
    void everyCooperationAreaWithAnHonestStatus() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("strategic-partnership", "ACTIVE");
        expected.put("defense-industry", "ACTIVE");
        expected.put("nuclear-power", "UNDER_NEGOTIATION");
        expected.put("trade-and-investment", "ACTIVE");
        expected.put("infrastructure-and-construction", "PROPOSED");
        expected.put("biohealth", "PROPOSED");
        expected.put("digital-transformation", "PROPOSED");
        expected.put("renewable-energy", "PROPOSED");
        expected.put("artificial-intelligence", "PROPOSED");
        expected.put("people-to-people-exchanges", "ACTIVE");
        expected.put("culture-and-tourism", "ACTIVE");
        JsonPath json = GraphQL.post("""
                { visit(key: "%s") { sectors { status sector { slug } } } }""".formatted(VISIT))
                .body("errors", nullValue()).extract().jsonPath();
        Map<String, String> actual = new LinkedHashMap<>();
        List<Map<String, Object>> areas = json.getList("data.visit.sectors");
        for (Map<String, Object> area : areas) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sector = (Map<String, Object>) area.get("sector");
            actual.put((String) sector.get("slug"), (String) area.get("status"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void concreteProjects() {
        GraphQL.post("""
                { visit(key: "%s") { projects { key status sector { slug } countries { code } } } }""".formatted(VISIT))
                .body("errors", nullValue())
                .body("data.visit.projects.key", equalTo(List.of("altay-main-battle-tank",
                        "k-eta-facilitation-for-turkish-citizens", "sinop-nuclear-power-plant")))
                .body("data.visit.projects.status", equalTo(List.of("ACTIVE", "COMPLETED", "UNDER_NEGOTIATION")))
                .body("data.visit.projects.sector.slug", equalTo(List.of("defense-industry",
                        "people-to-people-exchanges", "nuclear-power")))
                .body("data.visit.projects[1].countries.code", equalTo(List.of("KR", "TR")));
    }

    @Test
    void everyDirectQuoteIsVerbatimWholeAndTagged() {
        JsonPath json = GraphQL.post("""
                { quotes(first: 100, filter: {visit: "%s", kind: DIRECT}) {
                    edges { node { text language speaker { slug } source { outlet } sectors { slug } } } } }"""
                .formatted(VISIT)).body("errors", nullValue()).extract().jsonPath();
        List<String> texts = json.getList("data.quotes.edges.node.text");
        List<String> openings = List.of(
                "are brotherly nations bound by blood",
                "Türkiye is a strategic partner for Korea",
                "For Korea, Türkiye is not simply a production site. It is a strategic partner",
                "A typical example of our strong defense partnership",
                "We also aim to broaden our range of cooperation",
                "Türkiye has become an essential partner for Korean companies",
                "We have streamlined the application process");
        assertEquals(openings.size(), texts.size(), "one statement per direct quote: " + texts);
        for (String opening : openings) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(opening)), "missing quote: " + opening);
        }
        for (String text : texts) {
            assertVerbatimAndWhole(text);
        }
        List<List<String>> sectors = json.getList("data.quotes.edges.node.sectors.slug");
        sectors.forEach(s -> assertFalse(s.isEmpty(), "every direct quote has sectors"));
        assertEquals(List.of("Anadolu Agency"), json.getList("data.quotes.edges.node.source.outlet").stream()
                .distinct().toList());
    }

    /**
     * The quote must appear in the article once quotation marks are removed (quotes split across
     * sentences are stored joined), and it must start right after an opening mark and end right
     * before a closing one, so that nothing of the quoted words is cut off.
     */
    private static void assertVerbatimAndWhole(String text) {
        StringBuilder plain = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < ARTICLE.length(); i++) {
            char c = ARTICLE.charAt(i);
            if (QUOTE_MARKS.indexOf(c) >= 0) {
                continue;
            }
            plain.append(c);
            origin.add(i);
        }
        int at = plain.indexOf(text);
        assertTrue(at >= 0, "not verbatim in the article: " + text);
        int start = origin.get(at);
        int end = origin.get(at + text.length() - 1);
        assertTrue(QUOTE_MARKS.indexOf(ARTICLE.charAt(start - 1)) >= 0, "does not start at a quotation mark: " + text);
        int after = end + 1;
        while (after < ARTICLE.length() && ",.".indexOf(ARTICLE.charAt(after)) >= 0) {
            after++;
        }
        assertTrue(after < ARTICLE.length() && QUOTE_MARKS.indexOf(ARTICLE.charAt(after)) >= 0,
                "does not end at a quotation mark: " + text);
    }

    @Test
    void quotedFragmentsAreNotStatements() {
        for (String fragment : List.of("uniquely", "substantially contribute", "world-class", "has taken several steps")) {
            JsonPath json = GraphQL.post("""
                    query($text: String) { quotes(first: 100, filter: {text: $text}) { edges { node { text kind } } } }""",
                    Map.of("text", fragment)).body("errors", nullValue()).extract().jsonPath();
            List<String> texts = json.getList("data.quotes.edges.node.text");
            assertFalse(texts.contains(fragment), "fragment stored as a statement: " + fragment);
            texts.forEach(t -> assertTrue(t.length() > fragment.length() + 20, "too short to be whole: " + t));
        }
    }

    @Test
    void mainParaphrasesAreRecorded() {
        GraphQL.post("""
                { quotes(first: 100, filter: {visit: "%s", kind: PARAPHRASE}) { totalCount edges { node { key } } } }"""
                .formatted(VISIT))
                .body("errors", nullValue())
                .body("data.quotes.edges.node.key", hasItems(
                        "lee-uphold-strategic-partnership",
                        "lee-robust-defense-industry-cooperation",
                        "lee-next-generation-defense-technologies",
                        "lee-future-focused-industries",
                        "lee-sinop-nuclear-talks",
                        "lee-infrastructure-most-potential",
                        "lee-people-to-people-travel-steps"));
    }

    @Test
    void statementsPointAtTheirProjects() {
        GraphQL.post("""
                { quotes(first: 100, filter: {text: "Altay"}) { edges { node { kind projects { key } } } } }""")
                .body("errors", nullValue())
                .body("data.quotes.edges[0].node.kind", equalTo("DIRECT"))
                .body("data.quotes.edges[0].node.projects[0].key", equalTo("altay-main-battle-tank"));
    }

    @Test
    void bilateralHistoryAsMilestones() {
        GraphQL.post("""
                { relation(a: "TR", b: "KR") { countries { code }
                    milestones { key year endYear summary countries { code } sources { outlet } }
                    visits { key } projects { key } } }""")
                .body("errors", nullValue())
                .body("data.relation.countries.code", equalTo(List.of("KR", "TR")))
                .body("data.relation.milestones[0].year", equalTo(1950))
                .body("data.relation.milestones[0].endYear", equalTo(1953))
                .body("data.relation.milestones[0].summary", containsString("721"))
                .body("data.relation.milestones[0].summary", containsString("462"))
                .body("data.relation.milestones[0].countries.code", equalTo(List.of("KR", "TR")))
                .body("data.relation.milestones[0].sources[0].outlet", equalTo("Anadolu Agency"))
                .body("data.relation.visits.key", equalTo(List.of(VISIT)))
                .body("data.relation.projects.key", hasItems("altay-main-battle-tank", "sinop-nuclear-power-plant"));
    }
}
