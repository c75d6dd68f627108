package dev.diplograph.dataset;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What a delete mutation removed, so a client can see the effect of a cascade. */
@Description("What a deletion removed. Deleting an unknown key removes nothing and is not an error: deletes are idempotent.")
public record DeletionReport(
        @NonNull @Description("Records deleted: the record itself and, with cascade, the records that could not exist without it.") int deleted,
        @NonNull @Description("References removed from records that were kept (list entries, a statement's visit).") int detached) {

    static DeletionReport none() {
        return new DeletionReport(0, 0);
    }
}
