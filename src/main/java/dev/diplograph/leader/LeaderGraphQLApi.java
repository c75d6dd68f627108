package dev.diplograph.leader;

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

import dev.diplograph.country.Country;
import dev.diplograph.country.CountryService;
import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.pagination.Connection;
import dev.diplograph.pagination.Limits;
import dev.diplograph.security.Roles;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;
import dev.diplograph.visit.Visit;
import dev.diplograph.visit.VisitService;

/** GraphQL entry points and relation fields of leaders. */
@GraphQLApi
public class LeaderGraphQLApi {

    private final DeletionService deletions;
    private final LeaderService leaders;
    private final CountryService countries;
    private final VisitService visits;
    private final StatementService statements;

    public LeaderGraphQLApi(LeaderService leaders, CountryService countries, VisitService visits,
            StatementService statements, DeletionService deletions) {
        this.deletions = deletions;
        this.leaders = leaders;
        this.countries = countries;
        this.visits = visits;
        this.statements = statements;
    }

    @Query
    @Description("The leader with this slug, or null when unknown.")
    public Leader leader(@NonNull @Description("Leader slug, e.g. \"lee-jae-myung\".") String slug) {
        return leaders.bySlug(slug);
    }

    @Query
    @NonNull
    @Description("Leaders ordered by slug, a page at a time (Relay connection).")
    public LeaderConnection leaders(
            @DefaultValue("20") @Description(Limits.FIRST_DESCRIPTION) Integer first,
            @Description("Cursor after which the page starts: an endCursor of this connection.") String after,
            @Description("Only leaders of this country (ISO 3166-1 alpha-2 code).") String country) {
        return leaders.list(first, after, country);
    }

    // Batched: one statement loads the countries of all leaders in the response.
    @NonNull
    @Description("Country the leader serves.")
    public List<@NonNull Country> country(@Source List<Leader> sources) {
        return countries.forParents(sources, l -> l.countryId);
    }

    // Batched: one windowed statement loads the latest visits of all leaders in the response.
    @NonNull
    @Description("The leader's visits, newest first.")
    public List<@NonNull List<@NonNull Visit>> visits(@Source List<Leader> sources,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return visits.forLeaders(sources, Limits.nested(first));
    }

    // Batched: one windowed statement loads the statements of all leaders in the response.
    @NonNull
    @Description("What the leader said, quotes and paraphrases, in the order they were recorded.")
    public List<@NonNull List<@NonNull Statement>> quotes(@Source List<Leader> sources,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forSpeakers(sources, Limits.nested(first));
    }

    @NonNull
    @Description(Connection.TOTAL_COUNT_DESCRIPTION)
    public int totalCount(@Source LeaderConnection connection) {
        return connection.countAll();
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the leader, or replaces the one with the same slug. Idempotent. Needs the editor role.")
    public Leader upsertLeader(@NonNull @Valid @Description("The leader.") LeaderInput input) {
        return leaders.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the leader with this slug. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteLeader(@NonNull @Description("Leader slug.") String slug,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.leader(slug, Boolean.TRUE.equals(cascade));
    }
}
