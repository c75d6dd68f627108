package dev.diplograph.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** GraphQL entry point for sources. */
@GraphQLApi
public class SourceGraphQLApi {

    private final SourceService sources;

    public SourceGraphQLApi(SourceService sources) {
        this.sources = sources;
    }

    @Query
    @Description("The source with this key, or null when unknown.")
    public Source source(@NonNull @Description("Source key, e.g. \"aa-2025-11-23-lee-interview\".") String key) {
        return sources.byKey(key);
    }
}
