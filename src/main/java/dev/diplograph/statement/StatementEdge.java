package dev.diplograph.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One statement in a page, with the cursor that points after it. */
@Description("A statement in a page of statements.")
public record StatementEdge(
        @NonNull @Description("Opaque cursor; pass it as 'after' to continue after this statement.") String cursor,
        @NonNull @Description("The statement.") Statement node) {
}
