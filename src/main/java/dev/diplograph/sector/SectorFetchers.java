package dev.diplograph.sector;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;

/** Answers a sector's text columns without SmallRye's per-call context: the sector of every cooperation area. */
public class SectorFetchers extends DirectFetchers<Sector> {

    public SectorFetchers() {
        super("Sector", Sector.class);
    }

    @Override
    public Map<String, Function<Sector, Object>> columns() {
        return Map.of("slug", s -> s.slug, "name", s -> s.name, "description", s -> s.description);
    }
}
