package dev.diplograph.visit;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.country.Country;
import dev.diplograph.graph.DirectFetchers;

/**
 * Answers a visit's columns, and, from its siblings, its host country and cooperation areas: twenty
 * visits per traversal, each of whose areas then carries the traversal further down.
 */
public class VisitFetchers extends DirectFetchers<Visit> {

    public VisitFetchers() {
        super("Visit", Visit.class, v -> v.siblings);
    }

    @Override
    public Map<String, Function<Visit, Object>> columns() {
        return Map.of("key", v -> v.key, "kind", v -> v.kind, "title", v -> v.title, "summary", v -> v.summary);
    }

    @Override
    public Map<String, FromSiblings<Visit>> fromSiblings() {
        return Map.of(
                "hostCountry", (v, siblings, env) -> siblings.toOne("hostCountry", v, x -> x.hostCountryId, Country::withIds, x -> x.id),
                "sectors", (v, siblings, env) -> siblings.toMany("sectors", v, group -> bean(VisitService.class).areas(group)));
    }
}
