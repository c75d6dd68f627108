package dev.diplograph.project;

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
import dev.diplograph.graph.Batches;
import dev.diplograph.pagination.Limits;
import dev.diplograph.sector.Sector;
import dev.diplograph.sector.SectorService;
import dev.diplograph.security.Roles;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;
import dev.diplograph.visit.Visit;
import dev.diplograph.visit.VisitService;

/** GraphQL entry point and relation fields of projects. */
@GraphQLApi
public class ProjectGraphQLApi {

    private static final String PROJECT_COUNTRIES = """
            SELECT pc.project_id, pc.country_id FROM project_country pc JOIN country c ON c.id = pc.country_id
            WHERE pc.project_id IN (:ids) ORDER BY pc.project_id, c.code""";

    private final ProjectService projects;
    private final SectorService sectors;
    private final CountryService countries;
    private final VisitService visits;
    private final StatementService statements;
    private final DeletionService deletions;

    public ProjectGraphQLApi(ProjectService projects, SectorService sectors, CountryService countries,
            VisitService visits, StatementService statements, DeletionService deletions) {
        this.projects = projects;
        this.sectors = sectors;
        this.countries = countries;
        this.visits = visits;
        this.statements = statements;
        this.deletions = deletions;
    }

    @Query
    @Description("The project with this key, or null when unknown.")
    public Project project(@NonNull @Description("Project key, e.g. \"sinop-nuclear-power-plant\".") String key) {
        return projects.byKey(key);
    }

    // Batched: one statement loads the sectors of all projects in the response.
    @NonNull
    @Description("The sector the project belongs to.")
    public List<@NonNull Sector> sector(@Source List<Project> batch) {
        return sectors.forParents(batch, p -> p.sectorId);
    }

    // Batched: one link query and one load for the countries of all projects in the response.
    @NonNull
    @Description("Countries involved in the project, by code.")
    public List<@NonNull List<@NonNull Country>> countries(@Source List<Project> batch) {
        return Batches.viaLinks(batch, p -> p.id, PROJECT_COUNTRIES, countries::byIds,
                c -> c.id);
    }

    // Batched: one link query and one load for the visits of all projects in the response.
    @NonNull
    @Description("Visits on which the project was discussed, newest first.")
    public List<@NonNull List<@NonNull Visit>> visits(@Source List<Project> batch) {
        return visits.forProjects(batch, p -> p.id);
    }

    // Batched: one windowed statement loads the statements of all projects in the response.
    @NonNull
    @Description("What was said about the project: the statements tagged with it, quotes and paraphrases, in the order they were recorded.")
    public List<@NonNull List<@NonNull Statement>> quotes(@Source List<Project> batch,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return statements.forProjects(batch, Limits.nested(first));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the project, or replaces the one with the same key. Idempotent. Needs the editor role.")
    public Project upsertProject(@NonNull @Valid @Description("The project.") ProjectInput input) {
        return projects.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the project with this key. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteProject(@NonNull @Description("Project key.") String key,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.project(key, Boolean.TRUE.equals(cascade));
    }
}
