package dev.diplograph.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.statement.QuoteFilter;
import dev.diplograph.statement.Statement;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

/** GraphQL subscriptions: committed changes pushed over WebSocket (graphql-transport-ws or graphql-ws). */
@GraphQLApi
public class LiveGraphQLApi {

    private final LiveService live;

    public LiveGraphQLApi(LiveService live) {
        this.live = live;
    }

    @Subscription
    @NonNull
    @Description("Statements created from now on, after their transaction commits, in commit order. The filter takes the"
            + " quotes list's criteria; slugs and keys need not exist yet. A client more than"
            + " diplograph.live.buffer-size events behind is disconnected (close code 4413).")
    public Multi<Statement> statementAdded(
            @Description("Criteria the new statements must meet; all of them when absent.") QuoteFilter filter) {
        return live.statementAdded(filter);
    }

    @Subscription
    @NonNull
    @Description("Visits created, updated (including their cities, sources and cooperation areas) or deleted from now on,"
            + " after their transaction commits.")
    public Multi<VisitChange> visitChanged(
            @Description("Only visits of the leader with this slug.") String leader,
            @Description("Only visits to the country with this ISO 3166-1 alpha-2 code.") String hostCountry) {
        return live.visitChanged(leader, hostCountry);
    }
}
