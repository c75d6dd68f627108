package dev.diplograph.country;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.graph.Batches;

/** Reads countries: single look-ups and the batched resolution of country references. */
@ApplicationScoped
public class CountryService {

    private final DatasetService datasets;

    public CountryService(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** The country with this code, or null. */
    public Country byCode(String code) {
        return Country.findByCode(code).orElse(null);
    }

    /** For each parent, the country its foreign key points at; one statement for the whole batch. */
    public <P> List<Country> forParents(List<P> parents, Function<P, Long> countryId) {
        return Batches.toOne(parents, countryId, Country::withIds, c -> c.id);
    }

    /** Loads countries by id. */
    public List<Country> byIds(Collection<Long> ids) {
        return Country.withIds(ids);
    }

    /** Creates or replaces the country through the dataset write path and returns it as stored. */
    public Country upsert(CountryInput input) {
        datasets.apply(DatasetDocument.empty().withCountries(List.of(input.toRecord())));
        return byCode(input.code);
    }
}
