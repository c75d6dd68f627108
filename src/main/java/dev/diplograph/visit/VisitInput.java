package dev.diplograph.visit;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.graph.Slugs;

/** What an editor sends to create or replace a visit with its cooperation areas. */
@Input("VisitInput")
@Description("A visit to create or replace, addressed by key. The lists replace the stored ones: send all cooperation areas, or use setCooperationArea to change one.")
public class VisitInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Stable identifier, e.g. \"lee-jae-myung-tr-2025-11\".")
    public String key;

    @NotNull
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Slug of the visiting leader; the leader must exist.")
    public String leader;

    @NotNull
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, e.g. TR")
    @NonNull
    @Description("Code of the host country; the country must exist.")
    public String hostCountry;

    @NotNull
    @NonNull
    @Description("First day of the visit.")
    public LocalDate startDate;

    @Description("Last day of the visit, inclusive; not before startDate.")
    public LocalDate endDate;

    @Description("Protocol level of the visit.")
    public VisitKind kind;

    @CodePointLength(min = 1, max = 200)
    @Description("Short title.")
    public String title;

    @CodePointLength(min = 1, max = 10000)
    @Description("What the visit is about.")
    public String summary;

    @Description("Cities the visit took in, in order.")
    public List<@NonNull @CodePointLength(min = 1, max = 200) String> cities;

    @Description("Keys of the sources reporting on the visit; each must exist.")
    public List<@NonNull String> sources;

    @Description("The cooperation areas discussed, at most one per sector.")
    public List<@NonNull @Valid CooperationAreaInput> sectors;

    /** The dataset record this input stands for. */
    public VisitRecord toRecord() {
        return new VisitRecord(key, leader, hostCountry, startDate, endDate, kind, title, summary, cities, sources,
                sectors == null ? null : sectors.stream().map(CooperationAreaInput::toRecord).toList());
    }
}
