package dev.diplograph.pagination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes the WHERE clause of a list query from constant HQL fragments; every value is bound as a
 * named parameter, never written into the query text.
 */
public final class Where {

    private final List<String> fragments = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds a constant fragment that uses the named parameter. */
    public Where and(String fragment, String name, Object value) {
        fragments.add(fragment);
        params.put(name, value);
        return this;
    }

    /** Adds a constant fragment that uses two named parameters. */
    public Where and(String fragment, String name1, Object value1, String name2, Object value2) {
        fragments.add(fragment);
        params.put(name1, value1);
        params.put(name2, value2);
        return this;
    }

    /** Adds a constant fragment that uses the given named parameters. */
    public Where and(String fragment, Map<String, Object> values) {
        fragments.add(fragment);
        params.putAll(values);
        return this;
    }

    /**
     * Adds a constant fragment that compares with the id of a record a filter names, when that record
     * exists; returns false when it does not, so the caller can answer "nothing matches" without a query.
     */
    public boolean andKnown(String fragment, String name, Optional<Long> id) {
        id.ifPresent(value -> and(fragment, name, value));
        return id.isPresent();
    }

    /** A copy of this clause, so a count query can share the filters but not the page position. */
    public Where copy() {
        Where copy = new Where();
        copy.fragments.addAll(fragments);
        copy.params.putAll(params);
        return copy;
    }

    /** How many criteria the clause holds. */
    public int size() {
        return fragments.size();
    }

    /** The clause, starting with " where", or empty when there is nothing to filter. */
    public String clause() {
        return fragments.isEmpty() ? "" : " where " + String.join(" and ", fragments);
    }

    /** The bound parameters. */
    public Map<String, Object> params() {
        return params;
    }
}
