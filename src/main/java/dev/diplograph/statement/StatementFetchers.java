package dev.diplograph.statement;

import java.util.Map;
import java.util.function.Function;

import dev.diplograph.graph.DirectFetchers;
import dev.diplograph.leader.Leader;
import dev.diplograph.source.Source;

/** Answers a statement's columns, and its source and speaker from its siblings: the traversal's hottest fields. */
public class StatementFetchers extends DirectFetchers<Statement> {

    public StatementFetchers() {
        super("Statement", Statement.class, s -> s.siblings);
    }

    @Override
    public Map<String, Function<Statement, Object>> columns() {
        return Map.of("key", s -> s.key, "text", s -> s.text, "kind", s -> s.kind, "language", s -> s.language);
    }

    @Override
    public Map<String, FromSiblings<Statement>> fromSiblings() {
        return Map.of(
                "source", (s, siblings, env) -> siblings.toOne("source", s, x -> x.sourceId, Source::withIds, x -> x.id),
                "speaker", (s, siblings, env) -> siblings.toOne("speaker", s, x -> x.speakerId, Leader::withIds, x -> x.id));
    }
}
