package dev.diplograph.source;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Links;

/** Resolves source references in batches, so every statement can show where it came from cheaply. */
@ApplicationScoped
public class SourceService {

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
        return Batches.viaLinks(parents, parentId, ids -> Links.query(linkSql, ids), Source::withIds, s -> s.id);
    }
}
