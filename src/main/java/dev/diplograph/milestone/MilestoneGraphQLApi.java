package dev.diplograph.milestone;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.diplograph.country.Country;
import dev.diplograph.country.CountryService;
import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.graph.Batches;
import dev.diplograph.security.Roles;
import dev.diplograph.source.SourceService;

/** GraphQL entry point and relation fields of milestones. */
@GraphQLApi
public class MilestoneGraphQLApi {

    private final DeletionService deletions;
    private static final String MILESTONE_COUNTRIES = """
            SELECT mc.milestone_id, mc.country_id FROM milestone_country mc JOIN country c ON c.id = mc.country_id
            WHERE mc.milestone_id IN (:ids) ORDER BY mc.milestone_id, c.code""";

    private static final String MILESTONE_SOURCES = """
            SELECT ms.milestone_id, ms.source_id FROM milestone_source ms JOIN source s ON s.id = ms.source_id
            WHERE ms.milestone_id IN (:ids) ORDER BY ms.milestone_id, s.source_key""";

    private final MilestoneService milestones;
    private final CountryService countries;
    private final SourceService sources;

    public MilestoneGraphQLApi(MilestoneService milestones, CountryService countries, SourceService sources, DeletionService deletions) {
        this.deletions = deletions;
        this.milestones = milestones;
        this.countries = countries;
        this.sources = sources;
    }

    @Query
    @Description("The milestone with this key, or null when unknown.")
    public Milestone milestone(@NonNull @Description("Milestone key, e.g. \"korean-war-turkish-troops\".") String key) {
        return milestones.byKey(key);
    }

    // Batched: one link query and one load for the countries of all milestones in the response.
    @NonNull
    @Description("Countries involved, by code.")
    public List<@NonNull List<@NonNull Country>> countries(@Source List<Milestone> batch) {
        return Batches.viaLinks(batch, m -> m.id, MILESTONE_COUNTRIES, countries::byIds,
                c -> c.id);
    }

    // Batched: one link query and one load for the sources of all milestones in the response.
    @NonNull
    @Description("Sources that state the milestone, by key.")
    public List<@NonNull List<dev.diplograph.source.@NonNull Source>> sources(@Source List<Milestone> batch) {
        return sources.viaLinks(batch, m -> m.id, MILESTONE_SOURCES);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the milestone, or replaces the one with the same key. Idempotent. Needs the editor role.")
    public Milestone upsertMilestone(@NonNull @Valid @Description("The milestone.") MilestoneInput input) {
        return milestones.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the milestone with this key. Needs the editor role.")
    public DeletionReport deleteMilestone(@NonNull @Description("Milestone key.") String key) {
        return deletions.milestone(key);
    }
}
