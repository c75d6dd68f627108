package dev.diplograph.visit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One visit in a page, with the cursor that points after it. */
@Description("A visit in a page of visits.")
public record VisitEdge(
        @NonNull @Description("Opaque cursor; pass it as 'after' to continue after this visit.") String cursor,
        @NonNull @Description("The visit.") Visit node) {
}
