package dev.diplograph.sector;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to create or replace a sector. */
@Input("SectorInput")
@Description("A sector to create or replace, addressed by its slug.")
public class SectorInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Stable identifier: lower-case words joined by hyphens.")
    public String slug;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("Display name.")
    public String name;

    @CodePointLength(min = 1, max = 10000)
    @Description("What the sector covers.")
    public String description;

    @Description("Lower-case words and phrases that signal this sector in a text (used by article ingestion).")
    public List<@NonNull @CodePointLength(min = 1, max = 200) String> keywords;

    /** The dataset record this input stands for. */
    public SectorRecord toRecord() {
        return new SectorRecord(slug, name, description, keywords);
    }
}
