package dev.diplograph.relation;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.diplograph.country.Country;

/** The bilateral relation of two countries: a view over visits, projects and milestones, not a stored record. */
@Description("The relations between two countries: visits between them, shared projects and dated history.")
public class Relation {

    @Ignore
    public final Country a;
    @Ignore
    public final Country b;

    public Relation(Country a, Country b) {
        boolean ordered = a.code.compareTo(b.code) <= 0;
        this.a = ordered ? a : b;
        this.b = ordered ? b : a;
    }

    @NonNull
    @Description("The two countries, ordered by code.")
    public List<@NonNull Country> getCountries() {
        return List.of(a, b);
    }
}
