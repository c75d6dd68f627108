package dev.diplograph.country;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;

/** Answers a country's text columns without SmallRye's per-call context: the host of every visit. */
public class CountryFetchers extends DirectFetchers<Country> {

    public CountryFetchers() {
        super("Country", Country.class);
    }

    @Override
    public Map<String, Function<Country, Object>> columns() {
        return Map.of("code", c -> c.code, "name", c -> c.name, "nativeName", c -> c.nativeName);
    }
}
