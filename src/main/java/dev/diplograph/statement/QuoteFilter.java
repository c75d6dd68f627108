package dev.diplograph.statement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Criteria of the quotes list; all given criteria must hold. */
@Input("QuoteFilter")
@Description("Criteria for the quotes list. All given criteria must hold; unknown slugs or keys match nothing.")
public class QuoteFilter {

    @Description("Words the statement text contains: all of them, whole words, in any order and case (1 to 200 characters).")
    public String text;

    @Description("Slug of a sector the statement is tagged with.")
    public String sector;

    @Description("Key of a project the statement is tagged with.")
    public String project;

    @Description("Slug of the speaking leader.")
    public String speaker;

    @Description("Key of the visit the statement belongs to.")
    public String visit;

    @Description("Key of the source the statement is taken from.")
    public String source;

    @Description("Name of the outlet that published the statement's source, such as \"Anadolu Agency\": the whole name, in any case (1 to 200 characters).")
    public String outlet;

    @Description("DIRECT quotes or PARAPHRASEs only.")
    public StatementKind kind;

    @Description("Only statements dated on or after this day. A statement's date is saidOn, or its source's publishedOn when saidOn is unknown.")
    public LocalDate from;

    @Description("Only statements dated on or before this day (same dating as 'from').")
    public LocalDate to;
}
