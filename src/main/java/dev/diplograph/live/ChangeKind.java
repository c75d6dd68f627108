package dev.diplograph.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What happened to a record, as subscriptions report it. */
@Enum("ChangeKind")
@Description("What happened to a record.")
public enum ChangeKind {
    /** The record is new. */
    @Description("The record was created.")
    CREATED,
    /** The record, or something it owns (a visit's cooperation areas), changed. */
    @Description("The record, or something it owns (a visit's cities, sources or cooperation areas), changed.")
    UPDATED,
    /** The record is gone. */
    @Description("The record was deleted.")
    DELETED
}
