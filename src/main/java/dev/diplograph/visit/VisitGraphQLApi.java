package dev.diplograph.visit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.diplograph.country.Country;
import dev.diplograph.country.CountryService;
import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.leader.Leader;
import dev.diplograph.leader.LeaderService;
import dev.diplograph.pagination.Connection;
import dev.diplograph.pagination.Limits;
import dev.diplograph.project.Project;
import dev.diplograph.project.ProjectService;
import dev.diplograph.sector.Sector;
import dev.diplograph.sector.SectorService;
import dev.diplograph.security.Roles;
import dev.diplograph.source.SourceService;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;

/** GraphQL entry points and relation fields of visits and their cooperation areas. */
@GraphQLApi
public class VisitGraphQLApi {

    private final DeletionService deletions;
    private static final String VISIT_SOURCES = """
            SELECT vs.visit_id, vs.source_id FROM visit_source vs JOIN source s ON s.id = vs.source_id
            WHERE vs.visit_id IN (:ids) ORDER BY vs.visit_id, s.source_key""";

    private final VisitService visits;
    private final LeaderService leaders;
    private final CountryService countries;
    private final SectorService sectors;
    private final ProjectService projects;
    private final StatementService statements;
    private final SourceService sources;

    public VisitGraphQLApi(VisitService visits, LeaderService leaders, CountryService countries,
            SectorService sectors, ProjectService projects, StatementService statements, SourceService sources, DeletionService deletions) {
        this.deletions = deletions;
        this.visits = visits;
        this.leaders = leaders;
        this.countries = countries;
        this.sectors = sectors;
        this.projects = projects;
        this.statements = statements;
        this.sources = sources;
    }

    @Query
    @Description("The visit with this key, or null when unknown.")
    public Visit visit(@NonNull @Description("Visit key, e.g. \"lee-jae-myung-tr-2025-11\".") String key) {
        return visits.byKey(key);
    }

    @Query
    @NonNull
    @Description("Visits, newest first (by start date, then key), a page at a time (Relay connection).")
    public VisitConnection visits(
            @DefaultValue("20") @Description(Limits.FIRST_DESCRIPTION) Integer first,
            @Description("Cursor after which the page starts: an endCursor of this connection.") String after,
            @Description("Criteria the visits must meet.") VisitFilter filter) {
        return visits.list(first, after, filter);
    }

    // Batched: one statement loads the leaders of all visits in the response.
    @NonNull
    @Description("The visiting leader.")
    public List<@NonNull Leader> leader(@Source List<Visit> sources) {
        return leaders.forParents(sources, v -> v.leaderId);
    }

    // Batched: one statement loads the host countries of all visits in the response.
    @NonNull
    @Description("The country visited.")
    public List<@NonNull Country> hostCountry(@Source List<Visit> sources) {
        return countries.forParents(sources, v -> v.hostCountryId);
    }

    // Batched: one statement loads the cooperation areas of all visits in the response.
    @NonNull
    @Description("The cooperation areas discussed on this visit, one per sector, in the order recorded.")
    public List<@NonNull List<@NonNull CooperationArea>> sectors(@Source List<Visit> sources) {
        return visits.areas(sources);
    }

    // Batched: one link query and one load for the projects of all visits in the response.
    @NonNull
    @Description("Concrete projects discussed on this visit, by key.")
    public List<@NonNull List<@NonNull Project>> projects(@Source List<Visit> sources) {
        return projects.forVisits(sources);
    }

    // Batched: one windowed statement loads the statements of all visits in the response.
    @NonNull
    @Description("Statements made in connection with this visit, in the order recorded.")
    public List<@NonNull List<@NonNull Statement>> quotes(@Source List<Visit> sources,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forVisits(sources, Limits.nested(first));
    }

    // Batched: one link query and one load for the sources of all visits in the response.
    @NonNull
    @Description("Sources reporting on this visit, by key.")
    public List<@NonNull List<dev.diplograph.source.@NonNull Source>> sources(@Source List<Visit> visitsOfBatch) {
        return sources.viaLinks(visitsOfBatch, v -> v.id, VISIT_SOURCES);
    }

    // Batched: one statement loads the cities of all visits in the response.
    @NonNull
    @Description("Cities the visit took in, in the order recorded; empty when the sources name none.")
    public List<@NonNull List<@NonNull String>> cities(@Source List<Visit> sources) {
        return visits.cities(sources);
    }

    // Batched: one statement loads the sectors of all areas in the response.
    @NonNull
    @Description("The sector.")
    @Name("sector")
    public List<@NonNull Sector> areaSector(@Source List<CooperationArea> areas) {
        return sectors.forParents(areas, a -> a.sectorId);
    }

    // Batched: one statement loads the visits of all areas in the response.
    @NonNull
    @Description("The visit on which the sector was discussed.")
    @Name("visit")
    public List<@NonNull Visit> areaVisit(@Source List<CooperationArea> areas) {
        return visits.forParents(areas, a -> a.visitId);
    }

    // Batched: one windowed statement loads the quotes of all areas in the response.
    @NonNull
    @Description("Statements of this visit tagged with this sector, in the order recorded.")
    @Name("quotes")
    public List<@NonNull List<@NonNull Statement>> areaQuotes(@Source List<CooperationArea> areas,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forAreas(areas, Limits.nested(first));
    }

    @NonNull
    @Description(Connection.TOTAL_COUNT_DESCRIPTION)
    public int totalCount(@Source VisitConnection connection) {
        return connection.countAll();
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the visit, or replaces the one with the same key. Idempotent. Needs the editor role.")
    public Visit upsertVisit(@NonNull @Valid @Description("The visit.") VisitInput input) {
        return visits.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the visit with this key. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteVisit(@NonNull @Description("Visit key.") String key,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.visit(key, Boolean.TRUE.equals(cascade));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates or updates one cooperation area of a visit, leaving its other areas as they are. Needs the editor role.")
    @Name("setCooperationArea") // without it the "set" prefix would be dropped from the name
    public CooperationArea setCooperationArea(@NonNull @Description("Key of an existing visit.") String visit,
            @NonNull @Valid @Description("The area: an existing sector, its status and summary.") CooperationAreaInput input) {
        return visits.setArea(visit, input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Removes the cooperation area of this sector from the visit; the sector itself stays. Needs the editor role.")
    public DeletionReport removeCooperationArea(@NonNull @Description("Visit key.") String visit,
            @NonNull @Description("Sector slug.") String sector) {
        return deletions.cooperationArea(visit, sector);
    }
}
