package dev.diplograph.playground;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.diplograph.config.Resources;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens the GraphQL playground on a query that walks the graph, so that an analyst's first visit
 * starts from a working example rather than an empty editor.
 */
@ApplicationScoped
public class PlaygroundStarter {

    /**
     * The query the playground opens with, a resource so that it reads as GraphQL. It stays unnamed:
     * GraphiQL keeps sending a named operation's name for a moment after the editor's text is replaced,
     * and a query pasted over it and run at once would be refused as an unknown operation.
     */
    public static final String RESOURCE = "playground/starter.graphql";

    private final String path;
    private final String location;

    public PlaygroundStarter(
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplicationRoot,
            @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "graphql-ui") String uiRoot) {
        this.path = uiPath(nonApplicationRoot, uiRoot);
        // GraphiQL fills its editor from the query parameter, and keeps it there as the query is edited.
        // Relative (the same page with a query), so it stays right behind a proxy that adds a path prefix.
        this.location = "?query=" + URLEncoder.encode(starterQuery(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The starter query, as the playground opens with it. */
    public static String starterQuery() {
        return Resources.text(RESOURCE);
    }

    /** The playground page's path: Quarkus puts a relative UI root under the non-application root. */
    static String uiPath(String nonApplicationRoot, String uiRoot) {
        String ui = trimSlashes(uiRoot);
        String base = uiRoot.startsWith("/") ? "" : "/" + trimSlashes(nonApplicationRoot);
        return (base.equals("/") ? "" : base) + "/" + ui + "/";
    }

    private static String trimSlashes(String value) {
        return value.strip().replaceAll("^/+|/+$", ""); // at start-up only
    }

    void register(@Observes Router router) {
        router.get(path).order(Integer.MIN_VALUE + 10).handler(this::openWithStarter);
    }

    private void openWithStarter(RoutingContext context) {
        String query = context.request().query();
        if (query != null && !query.isEmpty()) {
            context.next(); // a shared link, or the page reloaded: GraphiQL keeps the edited query in the URL
            return;
        }
        context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }
}
