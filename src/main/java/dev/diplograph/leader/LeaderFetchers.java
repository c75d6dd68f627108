package dev.diplograph.leader;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;

/** Answers a leader's text columns without SmallRye's per-call context: the speaker of every quote. */
public class LeaderFetchers extends DirectFetchers<Leader> {

    public LeaderFetchers() {
        super("Leader", Leader.class);
    }

    @Override
    public Map<String, Function<Leader, Object>> columns() {
        return Map.of("slug", l -> l.slug, "name", l -> l.name, "nativeName", l -> l.nativeName, "office", l -> l.office);
    }
}
