package dev.diplograph.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An entity's columns read as typed scalars and built into a detached instance, for the hot loaders
 * where Hibernate's entity loading (persistence context, load snapshots, bytecode interceptors) costs
 * more than the query itself. Only for read-only rows: nothing built here is managed or written back.
 */
public final class Rows<T> {

    private final Map<String, Class<?>> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Function<Values, T> build;

    private Rows(Map<String, Class<?>> columns, Function<Values, T> build) {
        this.columns = Collections.unmodifiableMap(columns);
        this.build = build;
        columns.keySet().forEach(alias -> positions.put(alias, positions.size()));
    }

    /** Starts a mapping; {@code build} reads each column by its alias. */
    public static <T> Builder<T> of(Function<Values, T> build) {
        return new Builder<>(build);
    }

    /** The column aliases, in select order, with the Java type each is read as. */
    public Map<String, Class<?>> columns() {
        return columns;
    }

    /** Builds one row from a result row whose values start at {@code offset}, in {@link #columns()} order. */
    public T build(Object[] row, int offset) {
        return build.apply(new Values(row, offset, positions));
    }

    /** One result row, read by column alias. */
    public static final class Values {
        private final Object[] row;
        private final int offset;
        private final Map<String, Integer> positions;

        Values(Object[] row, int offset, Map<String, Integer> positions) {
            this.row = row;
            this.offset = offset;
            this.positions = positions;
        }

        /** The value of {@code column}, as the type it was declared with. */
        public <V> V get(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            @SuppressWarnings("unchecked")
            V value = (V) row[offset + position];
            return value;
        }

        /** The value of {@code column}, a stored enum constant's name, as that constant; null stays null. */
        public <E extends Enum<E>> E getEnum(String column, Class<E> type) {
            String name = get(column);
            return name == null ? null : Enum.valueOf(type, name);
        }
    }

    /** Declares the columns of a mapping in select order. */
    public static final class Builder<T> {
        private final Map<String, Class<?>> columns = new LinkedHashMap<>();
        private final Function<Values, T> build;

        Builder(Function<Values, T> build) {
            this.build = build;
        }

        /** Adds a column: its alias in the select list and the Java type to read it as. */
        public Builder<T> column(String alias, Class<?> type) {
            columns.put(alias, type);
            return this;
        }

        public Rows<T> build() {
            return new Rows<>(new LinkedHashMap<>(columns), build);
        }
    }
}
