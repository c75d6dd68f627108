package dev.diplograph.source;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;

/** Answers a source's text columns without SmallRye's per-call context: the source of every quote. */
public class SourceFetchers extends DirectFetchers<Source> {

    public SourceFetchers() {
        super("Source", Source.class);
    }

    @Override
    public Map<String, Function<Source, Object>> columns() {
        return Map.of("key", s -> s.key, "outlet", s -> s.outlet, "title", s -> s.title, "url", s -> s.url,
                "language", s -> s.language);
    }
}
