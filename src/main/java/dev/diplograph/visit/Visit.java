package dev.diplograph.visit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.NaturalId;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Rows;
import dev.diplograph.graph.Siblings;
import dev.diplograph.graph.Slugs;
import dev.diplograph.persistence.Records;

/**
 * A leader's trip to a host country: the hub of the graph, joining the leader, the cooperation areas
 * discussed, the projects and what was said.
 */
@Entity
@Table(name = "visit")
@Description("A leader's visit to a foreign country.")
public class Visit {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(name = "visit_key", nullable = false, length = 80)
    @Name("key")
    @NonNull
    @Description("Stable identifier, e.g. \"lee-jae-myung-tr-2025-11\".")
    public String key;

    @NotNull
    @Column(name = "leader_id", nullable = false)
    @Ignore
    public Long leaderId;

    @NotNull
    @Column(name = "host_country_id", nullable = false)
    @Ignore
    public Long hostCountryId;

    @NotNull
    @Column(name = "start_date", nullable = false)
    @NonNull
    @Description("First day of the visit.")
    public LocalDate startDate;

    @Column(name = "end_date")
    @Description("Last day of the visit, inclusive; null when unknown or the same as startDate.")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    @Description("Protocol level of the visit, when the sources say.")
    public VisitKind kind;

    @CodePointLength(max = 200)
    @Column(length = 200)
    @Description("Short title, e.g. \"Inaugural visit to Türkiye\".")
    public String title;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("What the visit is about, in a few sentences.")
    public String summary;

    /** The visits loaded together with this one, if a loader grouped them (see {@link VisitFetchers}). */
    @Transient
    @Ignore
    public transient Siblings<Visit> siblings;

    /** The columns of a visit, for building read-only visits without entity loading (see {@link Rows}). */
    public static final Rows<Visit> ROWS = Rows.<Visit> of(v -> {
        Visit visit = new Visit();
        visit.id = v.get("id");
        visit.key = v.get("visit_key");
        visit.leaderId = v.get("leader_id");
        visit.hostCountryId = v.get("host_country_id");
        visit.startDate = v.get("start_date");
        visit.endDate = v.get("end_date");
        visit.kind = v.getEnum("kind", VisitKind.class);
        visit.title = v.get("title");
        visit.summary = v.get("summary");
        return visit;
    }).column("id", Long.class).column("visit_key", String.class).column("leader_id", Long.class)
            .column("host_country_id", Long.class).column("start_date", LocalDate.class)
            .column("end_date", LocalDate.class).column("kind", String.class).column("title", String.class)
            .column("summary", String.class).build();

    /** Finds a visit by key. */
    public static Optional<Visit> findByKey(String key) {
        return Records.byNaturalId(Visit.class, key);
    }

    /** Loads visits by id, in chunks of bounded size. */
    public static List<Visit> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Visit.class, chunk));
    }
}
