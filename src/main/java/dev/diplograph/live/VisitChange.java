package dev.diplograph.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.diplograph.visit.Visit;

/** What a visitChanged subscriber receives: the change, the keys it was filtered on, and the visit as committed. */
@Type("VisitChange")
@Description("A committed change of a visit.")
public class VisitChange {

    @NonNull
    @Description("Created, updated or deleted.")
    public ChangeKind change;

    @NonNull
    @Description("Key of the visit.")
    public String key;

    @NonNull
    @Description("Slug of the visiting leader.")
    public String leader;

    @NonNull
    @Description("ISO 3166-1 alpha-2 code of the host country.")
    public String hostCountry;

    @Description("The visit as committed; null when it was deleted.")
    public Visit visit;

    /** When the change committed, in microseconds since the epoch (0 when unknown); not part of the schema. */
    @Ignore
    long committedAtMicros;

    public VisitChange() {
    }

    VisitChange(VisitEvent event, Visit visit, long committedAtMicros) {
        this.committedAtMicros = committedAtMicros;
        this.change = event.change();
        this.key = event.key();
        this.leader = event.leader();
        this.hostCountry = event.hostCountry();
        this.visit = visit;
    }
}
