package dev.diplograph.visit;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;
import dev.diplograph.pagination.Limits;
import dev.diplograph.sector.Sector;
import dev.diplograph.statement.StatementService;

/** Answers a cooperation area's columns, and its sector and quotes from its siblings: six areas per visit in the deep traversal. */
public class AreaFetchers extends DirectFetchers<CooperationArea> {

    public AreaFetchers() {
        super("CooperationArea", CooperationArea.class, a -> a.siblings);
    }

    @Override
    public Map<String, Function<CooperationArea, Object>> columns() {
        return Map.of("status", a -> a.status, "summary", a -> a.summary);
    }

    @Override
    public Map<String, FromSiblings<CooperationArea>> fromSiblings() {
        return Map.of(
                "sector", (a, siblings, env) -> siblings.toOne("sector", a, x -> x.sectorId, Sector::withIds, x -> x.id),
                "quotes", (a, siblings, env) -> {
                    int first = Limits.nested(DirectFetchers.intArgument(env, "first"));
                    return siblings.toMany("quotes/" + first, a, group -> bean(StatementService.class).forAreas(group, first));
                });
    }
}
