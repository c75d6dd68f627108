package dev.diplograph.statement;

import java.util.Map;
import java.util.function.BiFunction;

import dev.diplograph.graph.SiblingFetchers;
import dev.diplograph.graph.Siblings;
import dev.diplograph.leader.Leader;
import dev.diplograph.source.Source;

/** Answers a statement's source and speaker from its siblings, the traversal's hottest fields. */
public class StatementFetchers extends SiblingFetchers<Statement> {

    public StatementFetchers() {
        super("Statement", s -> s.siblings);
    }

    @Override
    protected Map<String, BiFunction<Statement, Siblings<Statement>, Object>> fields() {
        return Map.of(
                "source", (s, siblings) -> siblings.toOne("source", s, x -> x.sourceId, Source::withIds, x -> x.id),
                "speaker", (s, siblings) -> siblings.toOne("speaker", s, x -> x.speakerId, Leader::withIds, x -> x.id));
    }
}
