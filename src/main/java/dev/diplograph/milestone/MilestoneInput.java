package dev.diplograph.milestone;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to create or replace a milestone. */
@Input("MilestoneInput")
@Description("A dated fact between countries to create or replace, addressed by key.")
public class MilestoneInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Stable identifier.")
    public String key;

    @NotEmpty
    @NonNull
    @Description("Codes of the countries involved (at least one); each must exist.")
    public List<@NonNull String> countries;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("What happened, in a few words.")
    public String title;

    @NotNull
    @Min(1000)
    @Max(3000)
    @NonNull
    @Description("Year it happened, or began (1000 to 3000).")
    public Integer year;

    @Min(1000)
    @Max(3000)
    @Description("Year it ended, for spans; not before year.")
    public Integer endYear;

    @CodePointLength(min = 1, max = 10000)
    @Description("The fact in a few sentences.")
    public String summary;

    @Description("Keys of the sources stating it; each must exist.")
    public List<@NonNull String> sources;

    /** The dataset record this input stands for. */
    public MilestoneRecord toRecord() {
        return new MilestoneRecord(key, countries, title, year, endYear, summary, sources);
    }
}
