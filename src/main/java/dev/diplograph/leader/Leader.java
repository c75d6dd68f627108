package dev.diplograph.leader;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.NaturalId;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Slugs;
import dev.diplograph.persistence.Records;

/** A head of state or government whose visits and words the graph records, addressed by slug. */
@Entity
@Table(name = "leader")
@Description("A head of state or government, e.g. a president.")
public class Leader {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(nullable = false, length = 80)
    @NonNull
    @Description("Stable identifier, e.g. \"lee-jae-myung\".")
    public String slug;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("Name as written in English, e.g. \"Lee Jae Myung\".")
    public String name;

    @CodePointLength(max = 200)
    @Column(name = "native_name", length = 200)
    @Description("Name in the leader's own language and script, e.g. \"이재명\".")
    public String nativeName;

    @CodePointLength(max = 200)
    @Column(length = 200)
    @Description("Office held, e.g. \"President\".")
    public String office;

    @NotNull
    @Column(name = "country_id", nullable = false)
    @Ignore
    public Long countryId;

    @Column(name = "in_office_since")
    @Description("Date the leader took the office, when known.")
    public LocalDate inOfficeSince;

    /** Finds a leader by slug. */
    public static Optional<Leader> findBySlug(String slug) {
        return Records.byNaturalId(Leader.class, slug);
    }

    /** Loads leaders by id, in chunks of bounded size. */
    public static List<Leader> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Leader.class, chunk));
    }
}
