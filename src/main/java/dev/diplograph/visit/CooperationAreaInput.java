package dev.diplograph.visit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.graph.Slugs;

/** One cooperation area of a visit, as an editor sends it. */
@Input("CooperationAreaInput")
@Description("A sector discussed on a visit, with its status.")
public class CooperationAreaInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Slug of an existing sector.")
    public String sector;

    @Description("How far cooperation in this sector has come.")
    public CooperationStatus status;

    @CodePointLength(min = 1, max = 10000)
    @Description("What was said or agreed about this sector on this visit.")
    public String summary;

    /** The dataset record this input stands for. */
    public AreaRecord toRecord() {
        return new AreaRecord(sector, status, summary);
    }
}
