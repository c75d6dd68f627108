package dev.diplograph.project;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.graph.Batches;
import dev.diplograph.persistence.Records;
import dev.diplograph.statement.Statement;
import dev.diplograph.visit.Visit;

/** Reads projects and resolves project references in batches. */
@ApplicationScoped
public class ProjectService {

    private final DatasetService datasets;

    public ProjectService(DatasetService datasets) {
        this.datasets = datasets;
    }

    private static final String BY_VISIT = """
            SELECT pv.visit_id, pv.project_id FROM project_visit pv JOIN project p ON p.id = pv.project_id
            WHERE pv.visit_id IN (:ids) ORDER BY pv.visit_id, p.project_key""";

    private static final String BY_STATEMENT = """
            SELECT sp.statement_id, sp.project_id FROM statement_project sp JOIN project p ON p.id = sp.project_id
            WHERE sp.statement_id IN (:ids) ORDER BY sp.statement_id, p.project_key""";

    /** The project with this key, or null. */
    public Project byKey(String key) {
        return Project.findByKey(key).orElse(null);
    }

    /** Each visit's projects, by key; one link query and one load for the whole batch. */
    public List<List<Project>> forVisits(List<Visit> visits) {
        return Batches.viaLinks(visits, v -> v.id, BY_VISIT, Project::withIds,
                p -> p.id);
    }

    /** Each statement's projects, by key; one link query and one load for the whole batch. */
    public List<List<Project>> forStatements(List<Statement> statements) {
        return Batches.viaLinks(statements, s -> s.id, BY_STATEMENT, Project::withIds,
                p -> p.id);
    }

    /** Projects that involve both countries, by key. */
    public List<Project> involving(long countryA, long countryB) {
        return Records.list(Project.class,
                "from Project p where :a member of p.countryIds and :b member of p.countryIds order by p.key",
                Map.of("a", countryA, "b", countryB), Integer.MAX_VALUE);
    }

    /** Creates or replaces the project through the dataset write path and returns it as stored. */
    public Project upsert(ProjectInput input) {
        datasets.apply(DatasetDocument.empty().withProjects(List.of(input.toRecord())));
        return byKey(input.key);
    }
}
