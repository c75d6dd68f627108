package dev.diplograph.statement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to create or replace a statement. */
@Input("StatementInput")
@Description("A statement to create or replace. Without a key, one is derived from speaker, source and text, so sending the same statement twice does not duplicate it.")
public class StatementInput {

    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @Description("Stable identifier; derived when absent.")
    public String key;

    @NotNull
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Slug of the speaking leader; the leader must exist.")
    public String speaker;

    @NotNull
    @CodePointLength(min = 1, max = Statement.MAX_TEXT)
    @NonNull
    @Description("The words: verbatim for DIRECT, reported speech for PARAPHRASE.")
    public String text;

    @NotNull
    @NonNull
    @Description("DIRECT quote or PARAPHRASE.")
    public StatementKind kind;

    @Description("Day the words were said.")
    public LocalDate saidOn;

    @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag, e.g. en")
    @Description("BCP 47 language tag of the text.")
    public String language;

    @NotNull
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Key of the source; it must exist.")
    public String source;

    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @Description("Key of the visit, if any; it must exist.")
    public String visit;

    @Description("Slugs of the sectors the statement is about; each must exist.")
    public List<@NonNull String> sectors;

    @Description("Keys of the projects it mentions; each must exist.")
    public List<@NonNull String> projects;

    /** The dataset record this input stands for. */
    public StatementRecord toRecord() {
        return new StatementRecord(key, speaker, text, kind, saidOn, language, source, visit, sectors, projects);
    }
}
