package dev.diplograph.visit;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Criteria of the visits list; all given criteria must hold. */
@Input("VisitFilter")
@Description("Criteria for the visits list. All given criteria must hold; unknown slugs or codes match nothing.")
public class VisitFilter {

    @Description("Slug of the visiting leader.")
    public String leader;

    @Description("ISO 3166-1 alpha-2 code of the host country.")
    public String hostCountry;

    @Description("Slug of a sector discussed on the visit.")
    public String sector;

    @Description("Only visits that end on or after this date.")
    public LocalDate from;

    @Description("Only visits that start on or before this date.")
    public LocalDate to;
}
