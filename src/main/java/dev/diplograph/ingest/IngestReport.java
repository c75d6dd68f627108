package dev.diplograph.ingest;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.statement.Statement;

/** What an ingestion found and stored. */
@Description("What an ingestion found and stored.")
public record IngestReport(
        @NonNull @Description("Every statement found in the article, in article order: stored ones as stored, or proposals on a dry run.") List<@NonNull Statement> statements,
        @NonNull @Description("Statements stored by this call (0 on a dry run).") int created,
        @NonNull @Description("Statements found that were already stored (same speaker, source and text), so not created again.") int skipped) {
}
