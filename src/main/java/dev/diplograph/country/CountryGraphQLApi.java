package dev.diplograph.country;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** GraphQL entry point for countries. */
@GraphQLApi
public class CountryGraphQLApi {

    private final CountryService countries;

    public CountryGraphQLApi(CountryService countries) {
        this.countries = countries;
    }

    @Query
    @Description("The country with this ISO 3166-1 alpha-2 code (case-insensitive), or null when unknown.")
    public Country country(@NonNull @Description("ISO 3166-1 alpha-2 code, e.g. \"TR\".") String code) {
        return countries.byCode(code);
    }
}
