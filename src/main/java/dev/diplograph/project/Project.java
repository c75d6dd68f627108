package dev.diplograph.project;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
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
import dev.diplograph.graph.Slugs;
import dev.diplograph.persistence.Records;
import dev.diplograph.visit.CooperationStatus;

/** A concrete undertaking inside a sector (a tank program, a power plant), addressed by key. */
@Entity
@Table(name = "project")
@Description("A concrete undertaking in a sector, e.g. a tank production program or a power plant.")
public class Project {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(name = "project_key", nullable = false, length = 80)
    @Name("key")
    @NonNull
    @Description("Stable identifier, e.g. \"altay-main-battle-tank\".")
    public String key;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("Name, e.g. \"Altay Main Battle Tank production program\".")
    public String name;

    @NotNull
    @Column(name = "sector_id", nullable = false)
    @Ignore
    public Long sectorId;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    @Description("How far the project has come.")
    public CooperationStatus status;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("What the project is, in a few sentences.")
    public String summary;

    @ElementCollection
    @CollectionTable(name = "project_country", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "country_id", nullable = false)
    @Ignore
    public Set<Long> countryIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_visit", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "visit_id", nullable = false)
    @Ignore
    public Set<Long> visitIds = new LinkedHashSet<>();

    /** Finds a project by key. */
    public static Optional<Project> findByKey(String key) {
        return Records.byNaturalId(Project.class, key);
    }

    /** Loads projects by id, in chunks of bounded size. */
    public static List<Project> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Project.class, chunk));
    }
}
