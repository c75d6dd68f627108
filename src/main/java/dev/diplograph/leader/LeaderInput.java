package dev.diplograph.leader;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to create or replace a leader. */
@Input("LeaderInput")
@Description("A leader to create or replace, addressed by slug.")
public class LeaderInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Stable identifier, e.g. \"lee-jae-myung\".")
    public String slug;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("Name as written in English.")
    public String name;

    @CodePointLength(min = 1, max = 200)
    @Description("Name in the leader's own language and script.")
    public String nativeName;

    @CodePointLength(min = 1, max = 200)
    @Description("Office held, e.g. \"President\".")
    public String office;

    @NotNull
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, e.g. KR")
    @NonNull
    @Description("Code of the country the leader serves; the country must exist.")
    public String country;

    @Description("Date the leader took the office.")
    public LocalDate inOfficeSince;

    /** The dataset record this input stands for. */
    public LeaderRecord toRecord() {
        return new LeaderRecord(slug, name, nativeName, office, country, inOfficeSince);
    }
}
