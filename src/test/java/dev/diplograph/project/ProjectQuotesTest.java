package dev.diplograph.project;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/** What was said about a project: from the project to its statements, with their speakers and sources. */
@QuarkusTest
class ProjectQuotesTest {

    static final String QUOTES = """
            query($key: String!, $first: Int) { project(key: $key) { name
              quotes(first: $first) { key kind speaker { slug } source { outlet } projects { key } } } }""";

    @Test
    void aProjectLeadsToTheStatementsTaggedWithItInRecordingOrder() {
        GraphQL.post(QUOTES, Map.of("key", "k-eta-facilitation-for-turkish-citizens"))
                .body("errors", nullValue())
                .body("data.project.quotes.key", equalTo(List.of("lee-people-to-people-travel-steps", "lee-k-eta-streamlined")))
                .body("data.project.quotes.kind", equalTo(List.of("PARAPHRASE", "DIRECT")))
                .body("data.project.quotes.speaker.slug", everyItem(equalTo("lee-jae-myung")))
                .body("data.project.quotes.source.outlet", everyItem(equalTo("Anadolu Agency")))
                .body("data.project.quotes.projects.key.flatten()", everyItem(equalTo("k-eta-facilitation-for-turkish-citizens")));
        GraphQL.post(QUOTES, Map.of("key", "k-eta-facilitation-for-turkish-citizens", "first", 1))
                .body("errors", nullValue())
                .body("data.project.quotes.key", equalTo(List.of("lee-people-to-people-travel-steps")));
        GraphQL.post(QUOTES, Map.of("key", "k-eta-facilitation-for-turkish-citizens", "first", 0))
                .body("errors", nullValue())
                .body("data.project.quotes", hasSize(0));
    }

    @Test
    void everyProjectOfARelationGetsOnlyItsOwnStatements() {
        GraphQL.post("""
                { relation(a: "KR", b: "TR") { projects { key quotes { key } } } }""")
                .body("errors", nullValue())
                .body("data.relation.projects.find { it.key == 'altay-main-battle-tank' }.quotes.key",
                        equalTo(List.of("lee-altay-typical-example")))
                .body("data.relation.projects.find { it.key == 'sinop-nuclear-power-plant' }.quotes.key",
                        equalTo(List.of("lee-sinop-nuclear-talks")))
                .body("data.relation.projects.find { it.key == 'k-eta-facilitation-for-turkish-citizens' }.quotes.key",
                        equalTo(List.of("lee-people-to-people-travel-steps", "lee-k-eta-streamlined")));
    }

    @Test
    void aFirstOutsideItsRangeIsRefused() {
        GraphQL.post(QUOTES, Map.of("key", "altay-main-battle-tank", "first", 501))
                .body("data.project", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].path", equalTo(List.of("project", "quotes")));
    }
}
