package dev.diplograph.visit;

import java.util.Map;
import java.util.function.BiFunction;

import dev.diplograph.graph.SiblingFetchers;
import dev.diplograph.graph.Siblings;
import dev.diplograph.sector.Sector;

/** Answers a cooperation area's sector from its siblings: six per visit in the deep traversal. */
public class AreaFetchers extends SiblingFetchers<CooperationArea> {

    public AreaFetchers() {
        super("CooperationArea", a -> a.siblings);
    }

    @Override
    protected Map<String, BiFunction<CooperationArea, Siblings<CooperationArea>, Object>> fields() {
        return Map.of("sector", (a, siblings) -> siblings.toOne("sector", a, x -> x.sectorId, Sector::withIds, x -> x.id));
    }
}
