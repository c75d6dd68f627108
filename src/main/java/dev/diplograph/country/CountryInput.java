package dev.diplograph.country;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.dataset.DatasetDocument.CountryRecord;

/** What an editor sends to create or replace a country. */
@Input("CountryInput")
@Description("A country to create or replace, addressed by its code.")
public class CountryInput {

    @NotNull
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case, e.g. KR")
    @NonNull
    @Description("ISO 3166-1 alpha-2 code in upper case.")
    public String code;

    @NotNull
    @CodePointLength(min = 1, max = 200)
    @NonNull
    @Description("Common English name.")
    public String name;

    @CodePointLength(min = 1, max = 200)
    @Description("Name in the country's own language and script.")
    public String nativeName;

    /** The dataset record this input stands for. */
    public CountryRecord toRecord() {
        return new CountryRecord(code, name, nativeName);
    }
}
