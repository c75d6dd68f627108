package dev.diplograph.sector;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.pagination.Limits;
import dev.diplograph.security.Roles;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;

/** GraphQL entry points and fields of sectors. */
@GraphQLApi
public class SectorGraphQLApi {

    private final DeletionService deletions;
    private final SectorService sectors;
    private final StatementService statements;

    public SectorGraphQLApi(SectorService sectors, StatementService statements, DeletionService deletions) {
        this.deletions = deletions;
        this.sectors = sectors;
        this.statements = statements;
    }

    @Query
    @NonNull
    @Description("Every sector, ordered by name. The list is small (tens of sectors), so it is not paginated.")
    public List<@NonNull Sector> sectors() {
        return sectors.all();
    }

    @Query
    @Description("The sector with this slug, or null when unknown.")
    public Sector sector(@NonNull @Description("Sector slug, e.g. \"nuclear-power\".") String slug) {
        return sectors.bySlug(slug);
    }

    // Batched: one statement for all sectors of the response.
    @NonNull
    @Description("Lower-case words and phrases that signal this sector in a text, sorted.")
    public List<@NonNull List<@NonNull String>> keywords(@Source List<Sector> sources) {
        return sectors.keywords(sources);
    }

    // Batched: one link statement and one load for the statements of all sectors in the response.
    @NonNull
    @Description("What was said in this sector on any visit: the statements tagged with it, quotes and paraphrases, in the order they were recorded. CooperationArea.quotes narrows this to one visit.")
    public List<@NonNull List<@NonNull Statement>> quotes(@Source List<Sector> batch,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forSectors(batch, Limits.nested(first));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the sector, or replaces the one with the same slug. Idempotent. Needs the editor role.")
    public Sector upsertSector(@NonNull @Valid @Description("The sector.") SectorInput input) {
        return sectors.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the sector with this slug. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteSector(@NonNull @Description("Sector slug.") String slug,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.sector(slug, Boolean.TRUE.equals(cascade));
    }
}
