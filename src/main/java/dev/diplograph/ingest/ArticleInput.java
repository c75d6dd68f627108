package dev.diplograph.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.graph.Slugs;
import dev.diplograph.source.SourceInput;

/** A news article to turn into statements. */
@Input("ArticleInput")
@Description("A news article to turn into statements: its plain text, where it was published, and optional hints.")
public class ArticleInput {

    /** Longest accepted article, in characters: far above any news article, far below an abuse. */
    public static final int MAX_CHARS = 200_000;

    @NotBlank(message = "must not be empty")
    @Size(max = MAX_CHARS, message = "must be at most 200000 characters")
    @NonNull
    @Description("The article's plain text, at most 200,000 characters.")
    public String text;

    @NotNull
    @Valid
    @NonNull
    @Description("Where the article was published; a missing key is derived from outlet and date.")
    public SourceInput source;

    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @Description("Slug of the leader to credit with quotes the text does not attribute; quotes by others are never credited to them.")
    public String speaker;

    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @Description("Key of the visit the statements belong to.")
    public String visit;

    @DefaultValue("false")
    @Description("Propose the statements without storing anything.")
    public Boolean dryRun = false;
}
