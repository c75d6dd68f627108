package dev.diplograph.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.security.Roles;

/** GraphQL entry point for turning a news article into statements. */
@GraphQLApi
public class IngestGraphQLApi {

    private final IngestService ingest;

    public IngestGraphQLApi(IngestService ingest) {
        this.ingest = ingest;
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Finds the direct quotes and paraphrases of known leaders in an article and, unless dryRun, stores the new ones with the article as their source. Ingesting the same article again creates nothing new. Needs the editor role.")
    public IngestReport ingestArticle(@NonNull @Valid @Description("The article and its source.") ArticleInput input) {
        return ingest.ingest(input);
    }
}
