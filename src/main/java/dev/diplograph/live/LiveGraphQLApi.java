package dev.diplograph.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.statement.QuoteFilter;
import dev.diplograph.statement.Statement;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

/** GraphQL subscriptions: committed changes pushed over WebSocket (graphql-transport-ws or graphql-ws). */
@GraphQLApi
public class LiveGraphQLApi {

    /** The subscription field of new statements. */
    static final String STATEMENT_ADDED = "statementAdded";
    /** The subscription field of visit changes. */
    static final String VISIT_CHANGED = "visitChanged";
    private static final String GAPS = " A subscription that may have missed events (they could not be read, or this replica"
            + " lost its feed of changes) ends with the error EVENTS_MISSED: query again, then subscribe again.";

    private final LiveService live;

    public LiveGraphQLApi(LiveService live) {
        this.live = live;
    }

    @Subscription
    @Name(STATEMENT_ADDED)
    @NonNull
    @Description("Statements created from now on, after their transaction commits, in commit order. The filter takes the"
            + " quotes list's criteria; slugs and keys need not exist yet. A client more than"
            + " diplograph.live.buffer-size events behind is disconnected (close code 4413)." + GAPS)
    public Multi<Statement> statementAdded(
            @Description("Criteria the new statements must meet; all of them when absent.") QuoteFilter filter) {
        return live.statementAdded(filter);
    }

    @Subscription
    @Name(VISIT_CHANGED)
    @NonNull
    @Description("Visits created, updated (including their cities, sources and cooperation areas) or deleted from now on,"
            + " after their transaction commits." + GAPS)
    public Multi<VisitChange> visitChanged(
            @Description("Only visits of the leader with this slug.") String leader,
            @Description("Only visits to the country with this ISO 3166-1 alpha-2 code.") String hostCountry) {
        return live.visitChanged(leader, hostCountry);
    }
}
