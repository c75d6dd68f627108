package dev.diplograph.country;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.NaturalId;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Batches;
import dev.diplograph.persistence.Records;

/** A country that leaders come from and visit, addressed by its ISO 3166-1 alpha-2 code. */
@Entity
@Table(name = "country")
@Description("A country, addressed by its ISO 3166-1 alpha-2 code.")
public class Country {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @Pattern(regexp = "[A-Z]{2}")
    @Column(nullable = false, length = 2)
    @NonNull
    @Description("ISO 3166-1 alpha-2 code in upper case, e.g. \"KR\".")
    public String code;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("Common English name, e.g. \"South Korea\".")
    public String name;

    @CodePointLength(max = 200)
    @Column(name = "native_name", length = 200)
    @Description("Name in the country's own language and script, e.g. \"대한민국\".")
    public String nativeName;

    /** Finds a country by code, case-insensitively. */
    public static Optional<Country> findByCode(String code) {
        return code == null ? Optional.empty() : Records.byNaturalId(Country.class, code.toUpperCase(Locale.ROOT));
    }

    /** Loads countries by id in one statement. */
    public static List<Country> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Country.class, chunk));
    }
}
