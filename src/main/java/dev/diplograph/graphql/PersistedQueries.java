package dev.diplograph.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.diplograph.config.DiplographConfig;

/**
 * The automatic persisted queries of this replica (Apollo's and Relay's protocol): documents by
 * their SHA-256, bounded, least recently used out. A client that misses simply sends the query again.
 */
@ApplicationScoped
public class PersistedQueries {

    private final Map<String, String> queries;

    @Inject
    public PersistedQueries(DiplographConfig config) {
        this(config.graphql().persistedQueries());
    }

    PersistedQueries(int max) {
        this.queries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        };
    }

    /** The lower-case hex SHA-256 of the query's UTF-8 bytes, as the protocol defines the hash. */
    public static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The query registered under {@code hash}, or null. */
    public synchronized String get(String hash) {
        return queries.get(hash);
    }

    /** Registers a query whose hash the caller has checked. */
    public synchronized void put(String hash, String query) {
        queries.put(hash, query);
    }

    /** How many queries are held. */
    public synchronized int size() {
        return queries.size();
    }
}
