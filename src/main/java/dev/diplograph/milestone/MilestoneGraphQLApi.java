package dev.diplograph.milestone;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.diplograph.country.Country;
import dev.diplograph.country.CountryService;
import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Links;
import dev.diplograph.source.SourceService;

/** GraphQL entry point and relation fields of milestones. */
@GraphQLApi
public class MilestoneGraphQLApi {

    private static final String MILESTONE_COUNTRIES = """
            SELECT mc.milestone_id, mc.country_id FROM milestone_country mc JOIN country c ON c.id = mc.country_id
            WHERE mc.milestone_id IN (:ids) ORDER BY mc.milestone_id, c.code""";

    private static final String MILESTONE_SOURCES = """
            SELECT ms.milestone_id, ms.source_id FROM milestone_source ms JOIN source s ON s.id = ms.source_id
            WHERE ms.milestone_id IN (:ids) ORDER BY ms.milestone_id, s.source_key""";

    private final MilestoneService milestones;
    private final CountryService countries;
    private final SourceService sources;

    public MilestoneGraphQLApi(MilestoneService milestones, CountryService countries, SourceService sources) {
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
        return Batches.viaLinks(batch, m -> m.id, ids -> Links.query(MILESTONE_COUNTRIES, ids), countries::byIds,
                c -> c.id);
    }

    // Batched: one link query and one load for the sources of all milestones in the response.
    @NonNull
    @Description("Sources that state the milestone, by key.")
    public List<@NonNull List<dev.diplograph.source.@NonNull Source>> sources(@Source List<Milestone> batch) {
        return sources.viaLinks(batch, m -> m.id, MILESTONE_SOURCES);
    }
}
