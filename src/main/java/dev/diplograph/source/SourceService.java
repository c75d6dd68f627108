package dev.diplograph.source;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.graph.Batches;

/** Resolves source references in batches, so every statement can show where it came from cheaply. */
@ApplicationScoped
public class SourceService {

    private final DatasetService datasets;

    public SourceService(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** The source with this key, or null. */
    public Source byKey(String key) {
        return Source.findByKey(key).orElse(null);
    }

    /** For each parent, the source its foreign key points at; one statement for the whole batch. */
    public <P> List<Source> forParents(List<P> parents, Function<P, Long> sourceId) {
        return Batches.toOne(parents, sourceId, Source::withIds, s -> s.id);
    }

    /** For each parent, the sources a link table lists; one link query and one load for the whole batch. */
    public <P> List<List<Source>> viaLinks(List<P> parents, Function<P, Long> parentId, String linkSql) {
        return Batches.viaLinks(parents, parentId, linkSql, Source::withIds, s -> s.id);
    }

    /** Creates or replaces the source; the key is required here. */
    public Source upsert(SourceInput input) {
        if (input.key == null) {
            throw new BadUserInputException("upsertSource needs input.key.", "input.key");
        }
        datasets.apply(DatasetDocument.empty().withSources(List.of(input.toRecord(input.key))));
        return byKey(input.key);
    }
}
