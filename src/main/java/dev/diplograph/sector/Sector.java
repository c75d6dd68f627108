package dev.diplograph.sector;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.NaturalId;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Slugs;
import dev.diplograph.persistence.Records;

/** An area of cooperation between countries (defense industry, nuclear power, ...), addressed by slug. */
@Entity
@Table(name = "sector")
@Description("An area of cooperation between countries, e.g. defense industry or nuclear power.")
public class Sector {

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
    @Description("Stable identifier, e.g. \"defense-industry\".")
    public String slug;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("Display name, e.g. \"Defense industry\".")
    public String name;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("What the sector covers.")
    public String description;

    @ElementCollection
    @CollectionTable(name = "sector_keyword", joinColumns = @JoinColumn(name = "sector_id"))
    @Column(name = "keyword", nullable = false, length = 200)
    @Ignore
    public Set<String> keywords = new LinkedHashSet<>();

    /** Finds a sector by slug. */
    public static Optional<Sector> findBySlug(String slug) {
        return Records.byNaturalId(Sector.class, slug);
    }

    /** Loads sectors by id in one statement. */
    public static List<Sector> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Sector.class, chunk));
    }
}
