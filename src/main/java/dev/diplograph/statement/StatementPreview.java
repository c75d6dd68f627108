package dev.diplograph.statement;

import java.util.List;

import dev.diplograph.leader.Leader;
import dev.diplograph.project.Project;
import dev.diplograph.sector.Sector;
import dev.diplograph.source.Source;
import dev.diplograph.visit.Visit;

/**
 * The relations of a statement that is proposed but not stored (an ingestion dry run), so the
 * GraphQL fields of a {@link Statement} resolve the same whether it was stored or not.
 */
public record StatementPreview(Leader speaker, Source source, Visit visit, List<Sector> sectors,
        List<Project> projects) {
}
