package dev.diplograph.source;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
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

/** A published piece (article, interview, transcript) that statements and visits are traced back to. */
@Entity
@Table(name = "source")
@Description("A published piece, e.g. a news agency interview, that statements are taken from.")
public class Source {

    /** What a source's URL must be: a web link, whatever the case of its scheme. */
    public static final String WEB_URL_REGEXP = "(?i:https?)://\\S+";

    /** {@link #WEB_URL_REGEXP} compiled, for the dataset writer (the mutations check it through Bean Validation). */
    public static final java.util.regex.Pattern WEB_URL = java.util.regex.Pattern.compile(WEB_URL_REGEXP);

    /** The message of both checks, so an import and a mutation say the same. */
    public static final String WEB_URL_MESSAGE = "must be an http or https URL";

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(name = "source_key", nullable = false, length = 80)
    @Name("key")
    @NonNull
    @Description("Stable identifier, e.g. \"aa-2025-11-23-lee-interview\".")
    public String key;

    @NotBlank
    @CodePointLength(max = 200)
    @Column(nullable = false, length = 200)
    @NonNull
    @Description("Publisher, e.g. \"Anadolu Agency\".")
    public String outlet;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("Headline, when known.")
    public String title;

    @CodePointLength(max = 2000)
    @Column(length = 2000)
    @Description("Where the piece can be read, when known.")
    public String url;

    @Column(name = "published_on")
    @Description("Publication date.")
    public LocalDate publishedOn;

    @CodePointLength(max = 35)
    @Column(length = 35)
    @Description("BCP 47 language tag of the piece, e.g. \"en\".")
    public String language;

    /** Finds a source by key. */
    public static Optional<Source> findByKey(String key) {
        return Records.byNaturalId(Source.class, key);
    }

    /** Loads sources by id, in chunks of bounded size. */
    public static List<Source> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Source.class, chunk));
    }
}
