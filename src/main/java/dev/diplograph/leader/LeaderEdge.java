package dev.diplograph.leader;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One leader in a page, with the cursor that points after it. */
@Description("A leader in a page of leaders.")
public record LeaderEdge(
        @NonNull @Description("Opaque cursor; pass it as 'after' to continue after this leader.") String cursor,
        @NonNull @Description("The leader.") Leader node) {
}
