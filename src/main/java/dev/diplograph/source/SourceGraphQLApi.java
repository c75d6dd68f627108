package dev.diplograph.source;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.pagination.Limits;
import dev.diplograph.security.Roles;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;

/** GraphQL entry point and relation fields of sources. */
@GraphQLApi
public class SourceGraphQLApi {

    private final SourceService sources;
    private final StatementService statements;
    private final DeletionService deletions;

    public SourceGraphQLApi(SourceService sources, StatementService statements, DeletionService deletions) {
        this.sources = sources;
        this.statements = statements;
        this.deletions = deletions;
    }

    @Query
    @Description("The source with this key, or null when unknown.")
    public Source source(@NonNull @Description("Source key, e.g. \"aa-2025-11-23-lee-interview\".") String key) {
        return sources.byKey(key);
    }

    // Batched: one windowed statement loads the statements of all sources in the response.
    @NonNull
    @Description("The statements taken from this source, quotes and paraphrases, in the order they were recorded.")
    public List<@NonNull List<@NonNull Statement>> quotes(@org.eclipse.microprofile.graphql.Source List<Source> batch,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forSources(batch, Limits.nested(first));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the source, or replaces the one with the same key. Idempotent. Needs the editor role.")
    public dev.diplograph.source.Source upsertSource(@NonNull @Valid @Description("The source.") SourceInput input) {
        return sources.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the source with this key. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteSource(@NonNull @Description("Source key.") String key,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.source(key, Boolean.TRUE.equals(cascade));
    }
}
