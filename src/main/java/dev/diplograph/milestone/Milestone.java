package dev.diplograph.milestone;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.NaturalId;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Slugs;
import dev.diplograph.persistence.Records;

/** A dated fact in the history between countries (a war fought side by side, a treaty). */
@Entity
@Table(name = "milestone")
@Description("A dated fact in the relations between countries, e.g. a war fought side by side or a treaty.")
public class Milestone {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(name = "milestone_key", nullable = false, length = 80)
    @Name("key")
    @NonNull
    @Description("Stable identifier, e.g. \"korean-war-turkish-troops\".")
    public String key;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("What happened, in a few words.")
    public String title;

    @NotNull
    @Min(1000)
    @Max(3000)
    @Column(name = "start_year", nullable = false)
    @NonNull
    @Description("Year it happened, or began.")
    public Integer year;

    @Min(1000)
    @Max(3000)
    @Column(name = "end_year")
    @Description("Year it ended, for spans such as a war; null for a single year.")
    public Integer endYear;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("The fact in a few sentences, with the figures the sources give.")
    public String summary;

    @ElementCollection
    @CollectionTable(name = "milestone_country", joinColumns = @JoinColumn(name = "milestone_id"))
    @Column(name = "country_id", nullable = false)
    @Ignore
    public Set<Long> countryIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "milestone_source", joinColumns = @JoinColumn(name = "milestone_id"))
    @Column(name = "source_id", nullable = false)
    @Ignore
    public Set<Long> sourceIds = new LinkedHashSet<>();

    /** Finds a milestone by key. */
    public static Optional<Milestone> findByKey(String key) {
        return Records.byNaturalId(Milestone.class, key);
    }
}
