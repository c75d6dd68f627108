package dev.diplograph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.query.NativeQuery;

import dev.diplograph.persistence.Database;

/**
 * Helpers for the batched resolvers: they collect the ids of all parents of one GraphQL level, load
 * the children in one statement, and hand each parent its own slice, in the parents' order.
 */
public final class Batches {

    /**
     * Largest id list bound into one IN (...) clause. PostgreSQL allows 32767 bind parameters per
     * statement; beyond this size a batch is split, so the statement count grows by one per chunk.
     */
    public static final int MAX_IDS_PER_STATEMENT = 10_000;

    private Batches() {
    }

    /** The distinct non-null values of {@code key} over the parents, in first-seen order. */
    public static <P> Set<Long> ids(Collection<P> parents, Function<P, Long> key) {
        Set<Long> ids = new LinkedHashSet<>();
        for (P parent : parents) {
            Long id = key.apply(parent);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Runs {@code loader} over the ids, in chunks of at most {@link #MAX_IDS_PER_STATEMENT}. */
    public static <T> List<T> load(Collection<Long> ids, Function<List<Long>, List<T>> loader) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> all = new ArrayList<>(ids);
        if (all.size() <= MAX_IDS_PER_STATEMENT) {
            return loader.apply(all);
        }
        List<T> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_STATEMENT) {
            result.addAll(loader.apply(all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_STATEMENT))));
        }
        return result;
    }

    /** Indexes entities by their id. */
    public static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>(items.size() * 2);
        for (T item : items) {
            map.put(id.apply(item), item);
        }
        return map;
    }

    /** For a to-one relation: each parent's target, looked up by the parent's foreign key. */
    public static <P, T> List<T> toOne(List<P> parents, Function<P, Long> foreignKey, Map<Long, T> targets) {
        List<T> result = new ArrayList<>(parents.size());
        for (P parent : parents) {
            Long id = foreignKey.apply(parent);
            result.add(id == null ? null : targets.get(id));
        }
        return result;
    }

    /** Resolves a to-one relation for a batch of parents with one load of all targets. */
    public static <P, T> List<T> toOne(List<P> parents, Function<P, Long> foreignKey,
            Function<Collection<Long>, List<T>> loader, Function<T, Long> id) {
        return toOne(parents, foreignKey, byId(loader.apply(ids(parents, foreignKey)), id));
    }

    /**
     * Resolves a to-many relation for a batch of parents: one link query (parent id, child id) and
     * one load of the children, whatever the number of parents.
     */
    public static <P, T> List<List<T>> viaLinks(List<P> parents, Function<P, Long> parentId, String linkSql,
            Function<Collection<Long>, List<T>> loader, Function<T, Long> id) {
        return viaLinks(parents, parentId, linkSql, Map.of(), loader, id);
    }

    /**
     * Like {@link #viaLinks}, for a link query that returns the first {@code :skip + 1} children of
     * each parent ({@code :skip} is bound to {@code first - 1}), so nested limits are applied in SQL,
     * not after loading everything.
     */
    public static <P, T> List<List<T>> firstPerParent(List<P> parents, Function<P, Long> parentId, String firstSql,
            int first, Function<Collection<Long>, List<T>> loader, Function<T, Long> id) {
        if (first == 0) {
            return toMany(parents, parentId, Map.of());
        }
        return viaLinks(parents, parentId, firstSql, Map.of("skip", first - 1), loader, id);
    }

    private static <P, T> List<List<T>> viaLinks(List<P> parents, Function<P, Long> parentId, String linkSql,
            Map<String, Object> params, Function<Collection<Long>, List<T>> loader, Function<T, Long> id) {
        Set<Long> parentIds = ids(parents, parentId);
        if (parentIds.isEmpty()) {
            return toMany(parents, parentId, Map.of());
        }
        List<Link> links = Links.query(linkSql, parentIds, params);
        Map<Long, T> children = byId(loader.apply(childIds(links)), id);
        return toMany(parents, parentId, linked(links, children));
    }

    /**
     * Like {@link #firstPerParent}, in one statement, with the children built by {@code rows} from
     * scalar columns instead of loaded as entities (read-only): {@code windowSql} selects
     * {@code parent_id} and then exactly the columns of {@code rows}, in their order (at most
     * {@code :first} per parent, parents bound as {@code :ids}).
     */
    public static <P, T> List<List<T>> firstPerParentRows(List<P> parents, Function<P, Long> parentId,
            String windowSql, int first, Rows<T> rows) {
        Set<Long> parentIds = ids(parents, parentId);
        if (first == 0 || parentIds.isEmpty()) {
            return toMany(parents, parentId, Map.of());
        }
        Map<Long, List<T>> children = new HashMap<>();
        load(parentIds, chunk -> {
            NativeQuery<Object[]> query = nativeRows(windowSql, rows, "parent_id");
            return query.setParameterList("ids", chunk).setParameter("first", first).getResultList();
        }).forEach(row -> children.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(rows.build(row, 1)));
        return toMany(parents, parentId, children);
    }

    /**
     * The rows {@code sql} selects for the ids (bound as {@code :ids}, in chunks), built by {@code rows}
     * from exactly its columns, in their order, instead of loaded as entities. Read-only: nothing built
     * here is managed by the session.
     */
    public static <T> List<T> rows(Collection<Long> ids, String sql, Rows<T> rows) {
        List<T> result = new ArrayList<>();
        load(ids, chunk -> nativeRows(sql, rows).setParameterList("ids", chunk).getResultList())
                .forEach(row -> result.add(rows.build(row, 0)));
        return result;
    }

    /** A read-only native query selecting the {@code leading} Long columns, then the columns of {@code rows}. */
    private static NativeQuery<Object[]> nativeRows(String sql, Rows<?> rows, String... leading) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Database.current().session().createNativeQuery(sql).unwrap(NativeQuery.class);
        for (String column : leading) {
            query.addScalar(column, Long.class);
        }
        rows.columns().forEach(query::addScalar);
        query.setReadOnly(true);
        return query;
    }

    /** Groups children under their parent's id, keeping the children's order. */
    public static <T> Map<Long, List<T>> group(Collection<T> children, Function<T, Long> parentId) {
        Map<Long, List<T>> map = new HashMap<>();
        for (T child : children) {
            map.computeIfAbsent(parentId.apply(child), k -> new ArrayList<>()).add(child);
        }
        return map;
    }

    /** For a to-many relation: each parent's list of children (empty when it has none), in the parents' order. */
    public static <P, T> List<List<T>> toMany(List<P> parents, Function<P, Long> parentId, Map<Long, List<T>> children) {
        List<List<T>> result = new ArrayList<>(parents.size());
        for (P parent : parents) {
            Long id = parentId.apply(parent);
            result.add(id == null ? List.of() : children.getOrDefault(id, List.of()));
        }
        return result;
    }

    /**
     * For a to-many relation held in a link table: resolves (parent id, child id) pairs against the
     * loaded children and groups them per parent, keeping the pairs' order.
     */
    public static <T> Map<Long, List<T>> linked(List<Link> links, Map<Long, T> children) {
        Map<Long, List<T>> map = new HashMap<>();
        for (Link link : links) {
            T child = children.get(link.childId());
            if (child != null) {
                map.computeIfAbsent(link.parentId(), k -> new ArrayList<>()).add(child);
            }
        }
        return map;
    }

    /** The distinct child ids of some links. */
    public static Set<Long> childIds(List<Link> links) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Link link : links) {
            ids.add(link.childId());
        }
        return ids;
    }
}
