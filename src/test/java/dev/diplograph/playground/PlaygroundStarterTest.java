package dev.diplograph.playground;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The playground opens on a query that walks the graph, that query runs without errors, and a link
 * that already carries a query (or a reload, since GraphiQL keeps the edited query in the URL) is
 * left alone.
 */
@QuarkusTest
class PlaygroundStarterTest {

    @Test
    void thePlaygroundOpensOnTheStarterQuery() {
        String location = given().redirects().follow(false).when().get("/q/graphql-ui/").then()
                .statusCode(302).header("Cache-Control", "no-store")
                .header("Location", startsWith("?query=")).extract().header("Location");
        String query = URI.create(location).getRawQuery().substring("query=".length());
        assertEquals(PlaygroundStarter.starterQuery(), URLDecoder.decode(query, StandardCharsets.UTF_8));
    }

    @Test
    void theStarterQueryWalksVisitLeaderAreaQuoteAndSource() {
        GraphQL.post(PlaygroundStarter.starterQuery())
                .body("errors", nullValue())
                .body("data.visits.edges", hasSize(3))
                .body("data.visits.edges.node.leader.name", everyItem(notNullValue()))
                .body("data.visits.edges.node.sectors.flatten()", not(hasSize(0)))
                .body("data.visits.edges.node.sectors.flatten().quotes.flatten()", not(hasSize(0)))
                .body("data.visits.edges.node.sectors.flatten().quotes.flatten().source.outlet", everyItem(notNullValue()));
    }

    @Test
    void aLinkThatCarriesAQueryOpensThePlaygroundItself() {
        given().redirects().follow(false).queryParam("query", "{ leaders { totalCount } }")
                .when().get("/q/graphql-ui/").then().statusCode(200).body(containsString("graphiql"));
    }

    @Test
    void theUiPathFollowsQuarkusRootPaths() {
        assertEquals("/q/graphql-ui/", PlaygroundStarter.uiPath("q", "graphql-ui"));
        assertEquals("/q/graphql-ui/", PlaygroundStarter.uiPath("/q/", "graphql-ui/"));
        assertEquals("/admin/ui/", PlaygroundStarter.uiPath("admin", "ui"));
        assertEquals("/ui/", PlaygroundStarter.uiPath("q", "/ui"));
        assertEquals("/graphql-ui/", PlaygroundStarter.uiPath("/", "graphql-ui"));
    }
}
