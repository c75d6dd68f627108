package dev.diplograph.source;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to describe a source: to upsert it, or to name where an ingested article comes from. */
@Input("SourceInput")
@Description("A published piece. 'key' is required by upsertSource; ingestArticle derives one from outlet and date when it is absent.")
public class SourceInput {

    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @Description("Stable identifier, e.g. \"aa-2025-11-23-lee-interview\".")
    public String key;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("Publisher, e.g. \"Anadolu Agency\".")
    public String outlet;

    @CodePointLength(min = 1, max = 10000)
    @Description("Headline.")
    public String title;

    @CodePointLength(max = 2000)
    @Pattern(regexp = Source.WEB_URL_REGEXP, message = Source.WEB_URL_MESSAGE)
    @Description("Where the piece can be read (http or https).")
    public String url;

    @Description("Publication date.")
    public LocalDate publishedOn;

    @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag, e.g. en")
    @Description("BCP 47 language tag of the piece, e.g. \"en\".")
    public String language;

    /** The dataset record this input stands for, under the given key. */
    public SourceRecord toRecord(String effectiveKey) {
        return new SourceRecord(effectiveKey, outlet, title, url, publishedOn, language);
    }
}
