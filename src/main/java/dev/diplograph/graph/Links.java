package dev.diplograph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.diplograph.persistence.Database;

/**
 * Runs the link queries of the batched resolvers: native SQL that returns (parent id, child id) rows
 * for a set of parent ids, bound as parameters, never concatenated.
 */
public final class Links {

    private Links() {
    }

    /**
     * Runs {@code sql}, which must select {@code parent_id, child_id} and bind the parent ids as
     * {@code :ids}; further named parameters come from {@code params}.
     */
    public static List<Link> query(String sql, Collection<Long> parentIds, Map<String, Object> params) {
        return Batches.load(parentIds, chunk -> {
            var query = Database.current().session().createNativeQuery(sql).setParameterList("ids", chunk);
            params.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            List<Link> links = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                links.add(new Link(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
            }
            return links;
        });
    }

    /**
     * Runs {@code sql}, which must select {@code parent_id} and a text column for the parent ids bound
     * as {@code :ids}, and groups the texts per parent in the order the query returns them.
     */
    public static Map<Long, List<String>> texts(String sql, Collection<Long> parentIds) {
        Map<Long, List<String>> texts = new HashMap<>();
        Batches.load(parentIds, chunk -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Database.current().session().createNativeQuery(sql).setParameterList("ids", chunk)
                    .getResultList();
            return rows;
        }).forEach(row -> texts.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                .add((String) row[1]));
        return texts;
    }

    /** Runs a link query without extra parameters. */
    public static List<Link> query(String sql, Collection<Long> parentIds) {
        return query(sql, parentIds, Map.of());
    }
}
