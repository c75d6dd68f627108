package dev.diplograph.project;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.graph.Slugs;
import dev.diplograph.visit.CooperationStatus;

/** What an editor sends to create or replace a project. */
@Input("ProjectInput")
@Description("A project to create or replace, addressed by key. The lists replace the stored ones.")
public class ProjectInput {

    @NotNull
    @CodePointLength(max = 80)
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Stable identifier, e.g. \"sinop-nuclear-power-plant\".")
    public String key;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("Name of the project.")
    public String name;

    @NotNull
    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    @NonNull
    @Description("Slug of the sector; it must exist.")
    public String sector;

    @Description("Codes of the countries involved; each must exist.")
    public List<@NonNull String> countries;

    @Description("How far the project has come.")
    public CooperationStatus status;

    @CodePointLength(min = 1, max = 10000)
    @Description("What the project is.")
    public String summary;

    @Description("Keys of the visits on which it was discussed; each must exist.")
    public List<@NonNull String> visits;

    /** The dataset record this input stands for. */
    public ProjectRecord toRecord() {
        return new ProjectRecord(key, name, sector, countries, status, summary, visits);
    }
}
