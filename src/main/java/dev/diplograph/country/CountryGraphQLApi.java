package dev.diplograph.country;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.diplograph.dataset.DeletionReport;
import dev.diplograph.dataset.DeletionService;
import dev.diplograph.security.Roles;

/** GraphQL entry point for countries. */
@GraphQLApi
public class CountryGraphQLApi {

    private final DeletionService deletions;
    private final CountryService countries;

    public CountryGraphQLApi(CountryService countries, DeletionService deletions) {
        this.deletions = deletions;
        this.countries = countries;
    }

    @Query
    @Description("The country with this ISO 3166-1 alpha-2 code (case-insensitive), or null when unknown.")
    public Country country(@NonNull @Description("ISO 3166-1 alpha-2 code, e.g. \"TR\".") String code) {
        return countries.byCode(code);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Creates the country, or replaces the one with the same code. Idempotent. Needs the editor role.")
    public Country upsertCountry(@NonNull @Valid @Description("The country.") CountryInput input) {
        return countries.upsert(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes the country with this code. Refused with CONFLICT while other records use it, unless cascade is true. Needs the editor role.")
    public DeletionReport deleteCountry(@NonNull @Description("ISO 3166-1 alpha-2 code.") String code,
            @DefaultValue("false") @Description("Also delete the records that need this one and detach those that point at it; see DeletionReport. null counts as false.") Boolean cascade) {
        return deletions.country(code, Boolean.TRUE.equals(cascade));
    }
}
