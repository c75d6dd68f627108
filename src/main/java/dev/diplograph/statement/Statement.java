package dev.diplograph.statement;

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

/** What a leader said, quoted or paraphrased, always tied to the source it was taken from. */
@Entity
@Table(name = "statement")
@Description("What a leader said: a direct quote or a paraphrase, always tied to its source.")
public class Statement {

    /** The longest text a statement holds, in characters (the dataset schema's limit for text). */
    public static final int MAX_TEXT = 10_000;

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NaturalId
    @NotBlank
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(name = "statement_key", nullable = false, length = 80)
    @Name("key")
    @NonNull
    @Description("Stable identifier.")
    public String key;

    @NotNull
    @Column(name = "speaker_id", nullable = false)
    @Ignore
    public Long speakerId;

    @NotBlank
    @CodePointLength(max = MAX_TEXT)
    @Column(name = "quote_text", nullable = false, length = MAX_TEXT)
    @NonNull
    @Description("The words: verbatim for DIRECT quotes (without the quotation marks), reported speech for PARAPHRASE.")
    public String text;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    @NonNull
    @Description("DIRECT quote or PARAPHRASE.")
    public StatementKind kind;

    @Column(name = "said_on")
    @Description("Day the words were said, when the source tells; otherwise null (see source.publishedOn).")
    public LocalDate saidOn;

    @CodePointLength(max = 35)
    @Column(length = 35)
    @Description("BCP 47 language tag of the text as stored, e.g. \"en\".")
    public String language;

    @NotNull
    @Column(name = "source_id", nullable = false)
    @Ignore
    public Long sourceId;

    @Column(name = "visit_id")
    @Ignore
    public Long visitId;

    /** Set only on statements proposed by an ingestion dry run, which are never stored. */
    @Transient
    @Ignore
    public transient StatementPreview preview;

    /** The statements loaded together with this one, if a loader grouped them (see {@link StatementFetchers}). */
    @Transient
    @Ignore
    public transient Siblings<Statement> siblings;

    /**
     * The persistent columns as scalars, for the traversal's area quotes (hundreds per request), which
     * are built without Hibernate's entity loading; {@code StatementRowsTest} checks it against the mapping.
     */
    public static final Rows<Statement> ROWS = Rows.<Statement> of(v -> {
        Statement s = new Statement();
        s.id = v.get("id");
        s.key = v.get("statement_key");
        s.speakerId = v.get("speaker_id");
        s.text = v.get("quote_text");
        s.kind = v.getEnum("kind", StatementKind.class);
        s.saidOn = v.get("said_on");
        s.language = v.get("language");
        s.sourceId = v.get("source_id");
        s.visitId = v.get("visit_id");
        return s;
    }).column("id", Long.class).column("statement_key", String.class).column("speaker_id", Long.class)
            .column("quote_text", String.class).column("kind", String.class).column("said_on", LocalDate.class)
            .column("language", String.class).column("source_id", Long.class).column("visit_id", Long.class).build();

    /** Finds a statement by key. */
    public static Optional<Statement> findByKey(String key) {
        return Records.byNaturalId(Statement.class, key);
    }

    /** Loads statements by id, in chunks of bounded size. */
    public static List<Statement> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(Statement.class, chunk));
    }
}
