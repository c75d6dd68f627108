package dev.diplograph.dataset;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Create, update and delete of every record type by natural key. Each test writes records of its
 * own (keys starting with its name), so tests stay independent of each other and of their order.
 */
@QuarkusTest
class MutationTest {

    /** Countries, a leader, a source and a sector under the given prefix, for a test to build on. */
    static void base(String p, String countryA, String countryB) {
        GraphQL.asEditor("""
                mutation {
                  a: upsertCountry(input: {code: "%2$s", name: "%1$s A"}) { code }
                  b: upsertCountry(input: {code: "%3$s", name: "%1$s B"}) { code }
                  s: upsertSector(input: {slug: "%1$s-sector", name: "%1$s sector", keywords: ["%1$s"]}) { slug }
                  src: upsertSource(input: {key: "%1$s-source", outlet: "%1$s Wire", publishedOn: "2030-01-01"}) { key }
                }""".formatted(p, countryA, countryB)).body("errors", nullValue());
        GraphQL.asEditor("""
                mutation { upsertLeader(input: {slug: "%1$s-leader", name: "%1$s Leader", office: "President",
                                                country: "%2$s"}) { slug } }""".formatted(p, countryA))
                .body("errors", nullValue());
    }

    @Test
    void upsertsAreIdempotentAndReplaceTheRecord() {
        String upsert = """
                mutation($name: String!) { upsertSector(input: {slug: "mt-idem", name: $name, keywords: ["mtidem-b", "mtidem-a"]}) {
                  slug name keywords } }""";
        for (int i = 0; i < 2; i++) {
            GraphQL.asEditor(upsert, Map.of("name", "First"))
                    .body("errors", nullValue())
                    .body("data.upsertSector.name", equalTo("First"))
                    .body("data.upsertSector.keywords", equalTo(List.of("mtidem-a", "mtidem-b")));
        }
        GraphQL.asEditor(upsert, Map.of("name", "Second")).body("data.upsertSector.name", equalTo("Second"));
        GraphQL.post("{ sectors { slug } }").body("data.sectors.findAll { it.slug == 'mt-idem' }", hasSize(1));
    }

    @Test
    void eachFieldOfAMutationReadsTheWritesOfTheFieldsBeforeIt() {
        base("mtseq", "QE", "QF");
        // Root fields of a mutation run one after the other; each answer shows the data as its own write left it.
        GraphQL.asEditor("""
                mutation {
                  a: upsertCountry(input: {code: "QE", name: "First name"}) { name }
                  b: upsertCountry(input: {code: "QE", name: "Second name"}) { name }
                  c: upsertLeader(input: {slug: "mtseq-leader", name: "Before", country: "QE"}) { name country { name } }
                  d: upsertCountry(input: {code: "QE", name: "Third name"}) { name }
                  e: upsertLeader(input: {slug: "mtseq-leader", name: "After", country: "QF"}) { name country { code } }
                  f: upsertLeader(input: {slug: "mtseq-leader", name: "Last", country: "QE"}) { name country { name } }
                }""").body("errors", nullValue())
                .body("data.a.name", equalTo("First name"))
                .body("data.b.name", equalTo("Second name"))
                .body("data.c.name", equalTo("Before")).body("data.c.country.name", equalTo("Second name"))
                .body("data.d.name", equalTo("Third name"))
                .body("data.e.name", equalTo("After")).body("data.e.country.code", equalTo("QF"))
                .body("data.f.name", equalTo("Last")).body("data.f.country.name", equalTo("Third name"));
        GraphQL.post("{ leader(slug: \"mtseq-leader\") { name country { name } } }")
                .body("data.leader.name", equalTo("Last")).body("data.leader.country.name", equalTo("Third name"));
    }

    @Test
    void everyRecordTypeCanBeWrittenAndWalked() {
        base("mtw", "QM", "QN");
        GraphQL.asEditor("""
                mutation {
                  upsertVisit(input: {key: "mtw-visit", leader: "mtw-leader", hostCountry: "QN", startDate: "2030-02-01",
                    endDate: "2030-02-03", kind: STATE, title: "Visit", cities: ["North", "South"], sources: ["mtw-source"],
                    sectors: [{sector: "mtw-sector", status: PROPOSED, summary: "Talks"}]}) { key }
                }""").body("errors", nullValue());
        GraphQL.asEditor("""
                mutation {
                  upsertProject(input: {key: "mtw-project", name: "Bridge", sector: "mtw-sector", countries: ["QM", "QN"],
                    status: AGREED, visits: ["mtw-visit"]}) { key }
                  upsertMilestone(input: {key: "mtw-treaty", countries: ["QM", "QN"], title: "Treaty", year: 1990,
                    sources: ["mtw-source"]}) { key }
                }""").body("errors", nullValue());
        GraphQL.asEditor("""
                mutation { upsertStatement(input: {speaker: "mtw-leader", text: "We will build the bridge.", kind: DIRECT,
                  source: "mtw-source", visit: "mtw-visit", sectors: ["mtw-sector"], projects: ["mtw-project"]}) { key } }""")
                .body("errors", nullValue());
        GraphQL.post("""
                { leader(slug: "mtw-leader") { country { code } visits { key endDate kind cities sources { key }
                    projects { key countries { code } }
                    sectors { status summary sector { slug } quotes { text projects { key } } } } }
                  relation(a: "QN", b: "QM") { milestones { key sources { key } } projects { key } visits { key } } }""")
                .body("errors", nullValue())
                .body("data.leader.country.code", equalTo("QM"))
                .body("data.leader.visits[0].cities", equalTo(List.of("North", "South")))
                .body("data.leader.visits[0].kind", equalTo("STATE"))
                .body("data.leader.visits[0].projects[0].countries.code", equalTo(List.of("QM", "QN")))
                .body("data.leader.visits[0].sectors[0].status", equalTo("PROPOSED"))
                .body("data.leader.visits[0].sectors[0].quotes[0].text", equalTo("We will build the bridge."))
                .body("data.leader.visits[0].sectors[0].quotes[0].projects[0].key", equalTo("mtw-project"))
                .body("data.relation.milestones[0].sources[0].key", equalTo("mtw-source"))
                .body("data.relation.projects.key", equalTo(List.of("mtw-project")))
                .body("data.relation.visits.key", equalTo(List.of("mtw-visit")));
    }

    @Test
    void oneCooperationAreaCanBeSetAndRemoved() {
        base("mta", "QO", "QP");
        GraphQL.asEditor("""
                mutation { upsertVisit(input: {key: "mta-visit", leader: "mta-leader", hostCountry: "QP",
                  startDate: "2030-03-01"}) { key } }""").body("errors", nullValue());
        GraphQL.asEditor("""
                mutation { setCooperationArea(visit: "mta-visit", input: {sector: "mta-sector", status: STALLED}) {
                  status sector { slug } visit { key } } }""")
                .body("errors", nullValue())
                .body("data.setCooperationArea.status", equalTo("STALLED"))
                .body("data.setCooperationArea.visit.key", equalTo("mta-visit"));
        GraphQL.asEditor("""
                mutation { setCooperationArea(visit: "mta-visit", input: {sector: "mta-sector", status: ACTIVE}) { status } }""")
                .body("data.setCooperationArea.status", equalTo("ACTIVE"));
        GraphQL.post("{ visit(key: \"mta-visit\") { sectors { status } } }")
                .body("data.visit.sectors.status", equalTo(List.of("ACTIVE")));
        GraphQL.asEditor("mutation { removeCooperationArea(visit: \"mta-visit\", sector: \"mta-sector\") { deleted } }")
                .body("data.removeCooperationArea.deleted", equalTo(1));
        GraphQL.post("{ visit(key: \"mta-visit\") { sectors { status } } sector(slug: \"mta-sector\") { slug } }")
                .body("data.visit.sectors", hasSize(0))
                .body("data.sector.slug", equalTo("mta-sector"));
        GraphQL.asEditor("""
                mutation { setCooperationArea(visit: "no-visit", input: {sector: "mta-sector"}) { status } }""")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("visit"));
    }

    @Test
    void unknownReferencesAreErrorsWithTheirFieldAndNothingIsWritten() {
        base("mtr", "QR", "QT");
        GraphQL.asEditor("""
                mutation { upsertVisit(input: {key: "mtr-visit", leader: "nobody", hostCountry: "QZ", startDate: "2030-01-02",
                  endDate: "2030-01-01", sources: ["mtr-source", "no-source"],
                  sectors: [{sector: "mtr-sector"}, {sector: "no-sector"}]}) { key } }""")
                .body("data", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                .body("errors.extensions.field", containsInAnyOrder("input.leader", "input.hostCountry",
                        "input.endDate", "input.sources[1]", "input.sectors[1].sector"));
        GraphQL.post("{ visit(key: \"mtr-visit\") { key } }").body("data.visit", nullValue());
    }

    @Test
    void beanValidationNamesEveryBadField() {
        GraphQL.asEditor("""
                mutation { upsertLeader(input: {slug: "Not A Slug", name: "", country: "kr"}) { slug } }""")
                .body("data", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                .body("errors.extensions.field", containsInAnyOrder("input.slug", "input.name", "input.country"));
        GraphQL.asEditor("""
                mutation { upsertMilestone(input: {key: "mt-bad", countries: [], title: "T", year: 99}) { key } }""")
                .body("errors.extensions.field", containsInAnyOrder("input.countries", "input.year"));
        GraphQL.asEditor("mutation { upsertSource(input: {outlet: \"No Key\"}) { key } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("input.key"));
    }

    @Test
    void aSourcesUrlIsAWebLinkWhateverTheCaseOfItsScheme() {
        for (String url : List.of("javascript:alert(1)", "mailto:desk@example.org", "//example.org/a")) {
            GraphQL.asEditor("mutation($u: String) { upsertSource(input: {key: \"mtu-source\", outlet: \"W\", url: $u}) { key } }",
                    Map.<String, Object> of("u", url))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].extensions.field", equalTo("input.url"))
                    .body("errors[0].message", containsString("must be an http or https URL"));
        }
        GraphQL.post("{ source(key: \"mtu-source\") { key } }").body("data.source", nullValue());
        GraphQL.asEditor("mutation { upsertSource(input: {key: \"mtu-source\", outlet: \"W\", url: \"HTTPS://Example.org/a\"}) { url } }")
                .body("errors", nullValue())
                .body("data.upsertSource.url", equalTo("HTTPS://Example.org/a"));
    }

    @Test
    void intFieldsTakeOnlyWholeNumbersOf32BitsAndNothingIsWritten() {
        base("mti", "QW", "QX");
        // SmallRye's Int scalar turned 2026.5 into 2026 and 2^32 + 2025 into 2025 before the check was added.
        for (Object year : List.of(2026.5, 4294969321L, "2026", "")) {
            GraphQL.asEditor("mutation($i: MilestoneInput!) { upsertMilestone(input: $i) { key } }",
                    Map.of("i", Map.of("key", "mti-m", "countries", List.of("QW"), "title", "T", "year", year)))
                    .body("data", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("'input.year' must be an Int"));
        }
        GraphQL.asEditor("""
                mutation { upsertMilestone(input: {key: "mti-m", countries: ["QW"], title: "T", year: 4294969321}) { key } }""")
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("got 4294969321"));
        GraphQL.post("{ milestone(key: \"mti-m\") { key } }").body("errors", nullValue()).body("data.milestone", nullValue());
    }

    @Test
    void textNoDatabaseStoresAsSentIsRefusedAndNothingIsWritten() {
        // PostgreSQL refused U+0000 with an internal error and stored a lone surrogate as '?'; H2 kept both.
        String upsert = "mutation($n: String!) { upsertSector(input: {slug: \"mtu-sector\", name: $n}) { slug } }";
        GraphQL.asEditor(upsert, Map.of("n", "Energy\u0000 and grids"))
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'input.name' must not contain the character U+0000 (NUL), "
                        + "which PostgreSQL cannot store (at character 7)."));
        GraphQL.asEditor("mutation { upsertSector(input: {slug: \"mtu-sector\", name: \"x\", keywords: [\"ok\", \"a\\u0000\"]}) { slug } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("'input.keywords[1]' must not contain the character U+0000"));
        for (String escaped : List.of("\\ud800", "a\\udc00", "\\udbff\\udbff\\udfff")) {
            GraphQL.asEditorRaw("{\"query\": \"" + upsert.replace("\"", "\\\"") + "\", \"variables\": {\"n\": \"" + escaped + "\"}}")
                    .body("data", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("must not contain an unpaired surrogate"));
        }
        GraphQL.post("{ sector(slug: \"mtu-sector\") { name } }").body("errors", nullValue()).body("data.sector", nullValue());
        // a surrogate pair is one character, and is stored
        GraphQL.asEditorRaw("{\"query\": \"" + upsert.replace("\"", "\\\"") + "\", \"variables\": {\"n\": \"Pair \\ud83c\\udf0d\"}}")
                .body("errors", nullValue());
        GraphQL.post("{ sector(slug: \"mtu-sector\") { name } }").body("data.sector.name", equalTo("Pair \uD83C\uDF0D"));
        GraphQL.asEditor("mutation { deleteSector(slug: \"mtu-sector\") { deleted } }").body("errors", nullValue());
    }

    @Test
    void whatAMutationWritesCanBeExportedAndImportedAgain() {
        // The input's own check took any http(s) URL without blanks; the dataset schema wants an RFC 3986
        // URI (ASCII), so such a source was stored, and every export after it failed to import.
        GraphQL.asEditor("mutation { upsertSource(input: {key: \"mtx-source\", outlet: \"Wire\", url: \"https://例え.jp/記事\"}) { key } }")
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("input.url"))
                .body("errors[0].message", containsString("RFC 3986"));
        GraphQL.post("{ source(key: \"mtx-source\") { key } }").body("errors", nullValue()).body("data.source", nullValue());
        // year 0000 and years past 9999 are valid ISO dates but not dataset dates
        for (String date : List.of("0000-01-01", "+12025-01-01")) {
            GraphQL.asEditor("mutation($d: Date) { upsertSource(input: {key: \"mtx-source\", outlet: \"Wire\", publishedOn: $d}) { key } }",
                    Map.of("d", date))
                    .body("data", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("'input.publishedOn' must be a calendar date"))
                    .body("errors[0].message", containsString("from 0001-01-01 to 9999-12-31"));
        }
        GraphQL.post("{ source(key: \"mtx-source\") { key } }").body("errors", nullValue()).body("data.source", nullValue());
        GraphQL.asEditor("mutation { upsertSource(input: {key: \"mtx-source\", outlet: \"Wire\", "
                + "url: \"https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B\"}) { url } }")
                .body("errors", nullValue())
                .body("data.upsertSource.url", equalTo("https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B"));
    }

    @Test
    void deletingARecordInUseIsAConflictUnlessCascaded() {
        base("mtd", "QD", "QE");
        GraphQL.asEditor("""
                mutation {
                  v: upsertVisit(input: {key: "mtd-visit", leader: "mtd-leader", hostCountry: "QE", startDate: "2030-04-01",
                     sectors: [{sector: "mtd-sector"}]}) { key }
                  s: upsertStatement(input: {key: "mtd-quote", speaker: "mtd-leader", text: "Hello there, neighbours.",
                     kind: DIRECT, source: "mtd-source", visit: "mtd-visit", sectors: ["mtd-sector"]}) { key }
                }""").body("errors", nullValue());

        GraphQL.asEditor("mutation { deleteSector(slug: \"mtd-sector\") { deleted } }")
                .body("errors[0].extensions.code", equalTo("CONFLICT"))
                .body("errors[0].message", containsString("1 statement, 1 cooperation area"));
        // An explicit null is no cascade (it was an internal error: null into a primitive boolean).
        GraphQL.asEditor("mutation { deleteSector(slug: \"mtd-sector\", cascade: null) { deleted } }")
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        GraphQL.asEditor("mutation($c: Boolean) { deleteVisit(key: \"mtd-visit\", cascade: $c) { deleted } }",
                Collections.singletonMap("c", null))
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        GraphQL.asEditor("mutation { deleteSector(slug: \"mtd-sector\", cascade: true) { deleted detached } }")
                .body("data.deleteSector.deleted", equalTo(2))
                .body("data.deleteSector.detached", equalTo(1));
        GraphQL.post("{ quotes(filter: {speaker: \"mtd-leader\"}) { edges { node { key sectors { slug } } } } }")
                .body("data.quotes.edges[0].node.sectors", hasSize(0));

        GraphQL.asEditor("mutation { deleteVisit(key: \"mtd-visit\") { deleted } }")
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        GraphQL.asEditor("mutation { deleteVisit(key: \"mtd-visit\", cascade: true) { deleted detached } }")
                .body("data.deleteVisit.deleted", equalTo(1))
                .body("data.deleteVisit.detached", equalTo(1));
        GraphQL.post("{ quotes(filter: {speaker: \"mtd-leader\"}) { edges { node { key visit { key } } } } }")
                .body("data.quotes.edges[0].node.visit", nullValue());

        GraphQL.asEditor("mutation { deleteLeader(slug: \"mtd-leader\") { deleted } }")
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        GraphQL.asEditor("mutation { deleteLeader(slug: \"mtd-leader\", cascade: true) { deleted } }")
                .body("data.deleteLeader.deleted", equalTo(2));
        GraphQL.post("{ leader(slug: \"mtd-leader\") { slug } quotes(filter: {text: \"neighbours\"}) { totalCount } }")
                .body("data.leader", nullValue())
                .body("data.quotes.totalCount", equalTo(0));

        GraphQL.asEditor("mutation { deleteLeader(slug: \"mtd-leader\") { deleted detached } }")
                .body("errors", nullValue())
                .body("data.deleteLeader.deleted", equalTo(0));
    }

    @Test
    void recordsNobodyUsesAreDeletedWithoutCascade() {
        base("mtn", "QF", "QG");
        GraphQL.asEditor("""
                mutation { upsertMilestone(input: {key: "mtn-m", countries: ["QF"], title: "T", year: 2000}) { key } }""");
        GraphQL.asEditor("""
                mutation { m: deleteMilestone(key: "mtn-m") { deleted } s: deleteSector(slug: "mtn-sector") { deleted }
                           c: deleteCountry(code: "QG") { deleted } }""")
                .body("errors", nullValue())
                .body("data.m.deleted", equalTo(1))
                .body("data.s.deleted", equalTo(1))
                .body("data.c.deleted", equalTo(1));
        GraphQL.asEditor("mutation { deleteCountry(code: \"QF\") { deleted } }")
                .body("errors[0].extensions.code", equalTo("CONFLICT"))
                .body("errors[0].message", containsString("1 leader"));
    }
}
