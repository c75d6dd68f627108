package dev.diplograph.sector;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Links;
import dev.diplograph.persistence.Records;

/** Reads sectors and resolves sector references in batches. */
@ApplicationScoped
public class SectorService {

    private final DatasetService datasets;

    public SectorService(DatasetService datasets) {
        this.datasets = datasets;
    }

    private static final String KEYWORDS = """
            SELECT sector_id, keyword FROM sector_keyword WHERE sector_id IN (:ids) ORDER BY sector_id, keyword""";

    /** Every sector, by name. */
    public List<Sector> all() {
        return Records.list(Sector.class, "from Sector order by name, slug");
    }

    /** The sector with this slug, or null. */
    public Sector bySlug(String slug) {
        return Sector.findBySlug(slug).orElse(null);
    }

    /** For each parent, the sector its foreign key points at; one statement for the whole batch. */
    public <P> List<Sector> forParents(List<P> parents, Function<P, Long> sectorId) {
        return Batches.toOne(parents, sectorId, Sector::withIds, s -> s.id);
    }

    /** Loads sectors by id. */
    public List<Sector> byIds(Collection<Long> ids) {
        return Sector.withIds(ids);
    }

    /** Each sector's keywords, sorted; one statement for the whole batch. */
    public List<List<String>> keywords(List<Sector> sectors) {
        return Batches.toMany(sectors, s -> s.id, Links.texts(KEYWORDS, Batches.ids(sectors, s -> s.id)));
    }

    /** Runs a link query; shared by services whose children are sectors. */
    public <P> List<List<Sector>> viaLinks(List<P> parents, Function<P, Long> parentId, String linkSql) {
        return Batches.viaLinks(parents, parentId, linkSql, Sector::withIds, s -> s.id);
    }

    /** Creates or replaces the sector through the dataset write path and returns it as stored. */
    public Sector upsert(SectorInput input) {
        datasets.apply(DatasetDocument.empty().withSectors(List.of(input.toRecord())));
        return bySlug(input.slug);
    }
}
