package dev.diplograph.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import dev.diplograph.visit.Visit;
import dev.diplograph.visit.VisitService;

/** GraphQL entry points and relation fields of statements. */
@GraphQLApi
public class StatementGraphQLApi {

    private final DeletionService deletions;
    private static final String STATEMENT_SECTORS = """
            SELECT ss.statement_id, ss.sector_id FROM statement_sector ss JOIN sector s ON s.id = ss.sector_id
            WHERE ss.statement_id IN (:ids) ORDER BY ss.statement_id, s.slug""";

    private final StatementService statements;
    private final LeaderService leaders;
    private final VisitService visits;
    private final SourceService sources;
    private final SectorService sectors;
    private final ProjectService projects;

    public StatementGraphQLApi(StatementService statements, LeaderService leaders, VisitService visits,
            SourceService sources, SectorService sectors, ProjectService projects, DeletionService deletions) {
        this.deletions = deletions;
        this.statements = statements;
        this.leaders = leaders;
        this.visits = visits;
        this.sources = sources;
        this.sectors = sectors;
        this.projects = projects;
    }

    @Query
    @NonNull
    @Description("Statements (direct quotes and paraphrases) in the order they were recorded, a page at a time (Relay connection).")
    public StatementConnection quotes(
            @DefaultValue("20") @Description(Limits.FIRST_DESCRIPTION) Integer first,
            @Description("Cursor after which the page starts: an endCursor of this connection.") String after,
            @Description("Criteria the statements must meet.") QuoteFilter filter) {
        return statements.list(first, after, filter);
    }

    // Batched: one statement loads the speakers of all statements in the response.
    @NonNull
    @Description("The leader who said it.")
    public List<@NonNull Leader> speaker(@Source List<Statement> batch) {
        return previewed(batch, leaders.forParents(batch, s -> s.speakerId), StatementPreview::speaker);
    }

    // Batched: one statement loads the visits of all statements in the response.
    @Description("The visit the statement was made for, if any.")
    public List<Visit> visit(@Source List<Statement> batch) {
        return previewed(batch, visits.forParents(batch, s -> s.visitId), StatementPreview::visit);
    }

    // Batched: one statement loads the sources of all statements in the response.
    @NonNull
    @Description("Where the statement was published.")
    @Name("source")
    public List<dev.diplograph.source.@NonNull Source> statementSource(@Source List<Statement> batch) {
        return previewed(batch, sources.forParents(batch, s -> s.sourceId), StatementPreview::source);
    }

    // Batched: one link query and one load for the sectors of all statements in the response.
    @NonNull
    @Description("Sectors the statement is about, by slug.")
    public List<@NonNull List<@NonNull Sector>> sectors(@Source List<Statement> batch) {
        return previewed(batch, sectors.viaLinks(batch, s -> s.id, STATEMENT_SECTORS), StatementPreview::sectors);
    }

    // Batched: one link query and one load for the projects of all statements in the response.
    @NonNull
    @Description("Projects the statement mentions, by key.")
    public List<@NonNull List<@NonNull Project>> projects(@Source List<Statement> batch) {
        return previewed(batch, projects.forStatements(batch), StatementPreview::projects);
    }

    @NonNull
    @Description(Connection.TOTAL_COUNT_DESCRIPTION + " A total that no index counts (every statement, or those of a "
            + "kind, a date range or a text) is kept until the next write, so asking it again on every page is cheap.")
    public int totalCount(@Source StatementConnection connection) {
        return connection.countAll();
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the statement, or replaces the one with the same key. Idempotent. Needs the editor role.")
    public Statement upsertStatement(@NonNull @Valid @Description("The statement.") StatementInput input) {
        return statements.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the statement with this key. Needs the editor role.")
    public DeletionReport deleteStatement(@NonNull @Description("Statement key.") String key) {
        return deletions.statement(key);
    }

    /** Replaces the resolved values of proposed (unstored) statements by their previews. */
    private static <T> List<T> previewed(List<Statement> batch, List<T> resolved, Function<StatementPreview, T> pick) {
        List<T> result = null;
        for (int i = 0; i < batch.size(); i++) {
            StatementPreview preview = batch.get(i).preview;
            if (preview != null) {
                if (result == null) {
                    result = new ArrayList<>(resolved);
                }
                result.set(i, pick.apply(preview));
            }
        }
        return result == null ? resolved : result;
    }
}
