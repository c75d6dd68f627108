package dev.diplograph.pagination;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page metadata, so clients can page forward without knowing how cursors are made. */
@Description("Where this page sits in the whole list (Relay cursor connections).")
public record PageInfo(
        @NonNull @Description("True when more items follow this page; pass endCursor as 'after' to get them.") boolean hasNextPage,
        @NonNull @Description("True when this page was requested with 'after'.") boolean hasPreviousPage,
        @Description("Cursor of the first edge of this page, null when the page is empty.") String startCursor,
        @Description("Cursor of the last edge of this page, null when the page is empty.") String endCursor) {
}
