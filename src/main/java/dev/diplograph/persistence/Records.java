package dev.diplograph.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.CommonQueryContract;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.SelectionQuery;

/**
 * The static finders of the active-record entities: HQL with bound parameters (positional
 * {@code ?1}, {@code ?2}, … or named), run on the session of the active database.
 */
public final class Records {

    private Records() {
    }

    /** The first result of {@code hql}, if any. */
    public static <T> Optional<T> first(Class<T> type, String hql, Object... params) {
        return query(type, hql, params).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Every result of {@code hql}. */
    public static <T> List<T> list(Class<T> type, String hql, Object... params) {
        return query(type, hql, params).getResultList();
    }

    /**
     * The entities with these ids, in no particular order; ids without a row are left out. Hibernate's
     * multi-id loader reads them with one statement (one array parameter where the database has arrays,
     * else an {@code in} list padded to a power of two) whose SQL it builds once per shape, where the
     * query {@code id in ?1} with a list is translated again from HQL on every call.
     */
    public static <T> List<T> byIds(Class<T> type, List<Long> ids) {
        Session session = Database.current().session();
        try {
            List<T> found = session.byMultipleIds(type).enableOrderedReturn(false).multiLoad(ids);
            return found.stream().filter(Objects::nonNull).toList();
        } finally {
            releaseOutsideTransaction(session);
        }
    }

    /**
     * The entity whose {@code @NaturalId} field (the key clients address it by) is {@code value}, if any.
     * Hibernate's natural-id loader builds its SQL at start-up, where a query by key is translated from
     * HQL the first time it runs; a key already resolved in the session costs no statement. No key
     * (null) finds nothing, as the query {@code key = null} did.
     */
    public static <T> Optional<T> byNaturalId(Class<T> type, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Session session = Database.current().session();
        try {
            return session.bySimpleNaturalId(type).loadOptional(value);
        } finally {
            releaseOutsideTransaction(session);
        }
    }

    // Outside a transaction a query hands its connection back to the pool when it is done; Hibernate's
    // loaders (multi-id, natural id) do not, so this does what the query would have done.
    private static void releaseOutsideTransaction(Session session) {
        SharedSessionContractImplementor implementor = session.unwrap(SharedSessionContractImplementor.class);
        if (!implementor.isTransactionInProgress()) {
            implementor.getJdbcCoordinator().getLogicalConnection().afterTransaction();
        }
    }

    /** At most {@code max} results of {@code hql}, with named parameters. */
    public static <T> List<T> list(Class<T> type, String hql, Map<String, Object> params, int max) {
        SelectionQuery<T> query = Database.current().session().createSelectionQuery(hql, type);
        params.forEach((name, value) -> bind(query, name, value));
        return query.setMaxResults(max).getResultList();
    }

    /** How many rows {@code fromHql} (a query starting with {@code from}) selects, with named parameters. */
    public static long count(String fromHql, Map<String, Object> params) {
        SelectionQuery<Long> query = Database.current().session().createSelectionQuery("select count(*) " + fromHql,
                Long.class);
        params.forEach((name, value) -> bind(query, name, value));
        return query.getSingleResult();
    }

    /** At most {@code max} entities selected by native SQL ({@code SELECT alias.* ...}), with named parameters. */
    public static <T> List<T> nativeList(Class<T> type, String sql, Map<String, Object> params, int max) {
        NativeQuery<T> query = Database.current().session().createNativeQuery(sql, type);
        params.forEach((name, value) -> bind(query, name, value));
        return query.setMaxResults(max).getResultList();
    }

    /** The single number a native query returns (a {@code COUNT(*)}, or a 0/1 flag), with named parameters. */
    public static long nativeCount(String sql, Map<String, Object> params) {
        NativeQuery<Long> query = Database.current().session().createNativeQuery(sql, Long.class);
        params.forEach((name, value) -> bind(query, name, value));
        return query.getSingleResult();
    }

    /** The numbers of the single row a native query returns, in column order, with named parameters. */
    public static long[] nativeLongs(String sql, Map<String, Object> params) {
        NativeQuery<Object[]> query = Database.current().session().createNativeQuery(sql, Object[].class);
        params.forEach((name, value) -> bind(query, name, value));
        Object[] row = query.getSingleResult();
        long[] numbers = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            numbers[i] = ((Number) row[i]).longValue();
        }
        return numbers;
    }

    private static <T> SelectionQuery<T> query(Class<T> type, String hql, Object... params) {
        SelectionQuery<T> query = Database.current().session().createSelectionQuery(hql, type);
        for (int i = 0; i < params.length; i++) {
            bind(query, i + 1, params[i]);
        }
        return query;
    }

    // A collection is bound as a list up front: given to setParameter, Hibernate first tries to convert
    // it to the parameter's type and builds an exception to find out that it is a list.
    private static void bind(CommonQueryContract query, String name, Object value) {
        if (value instanceof Collection<?> values) {
            query.setParameterList(name, values);
        } else {
            query.setParameter(name, value);
        }
    }

    private static void bind(CommonQueryContract query, int position, Object value) {
        if (value instanceof Collection<?> values) {
            query.setParameterList(position, values);
        } else {
            query.setParameter(position, value);
        }
    }
}
