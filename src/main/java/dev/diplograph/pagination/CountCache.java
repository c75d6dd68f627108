package dev.diplograph.pagination;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.Records;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Keeps the totals of filtered lists that no index counts, for as long as no write has committed
 * since, so that a client paging through such a list with {@code totalCount} pays for the count once.
 */
@ApplicationScoped
@Startup // its counters are in /q/metrics, at zero, before the first count
public class CountCache {

    /** One count: the query after {@code SELECT COUNT(*)} and its bound values. */
    private record Key(String from, Map<String, Object> params) {
    }

    /** A total and the data version it was counted at. */
    private record Counted(long version, long count) {
    }

    private final int capacity;
    /** Least recently used first; guarded by itself. */
    private final LinkedHashMap<Key, Counted> entries;
    private final Counter hits;
    private final Counter misses;

    public CountCache(DiplographConfig config, MeterRegistry metrics) {
        this.capacity = config.graphql().countCacheSize();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
                return size() > capacity;
            }
        };
        this.hits = Counter.builder("diplograph_count_cache_hits")
                .description("totalCounts answered from the count cache: no write had committed since they were counted")
                .register(metrics);
        this.misses = Counter.builder("diplograph_count_cache_misses")
                .description("totalCounts of lists without a counting index that had to be counted")
                .register(metrics);
    }

    /**
     * How many rows {@code from} (native SQL: {@code " FROM … WHERE …"}) selects, with named parameters.
     * A total counted before is answered after one look at the data version; else the rows are counted
     * and the version is read in the same statement, so the two describe the same committed state on
     * both databases (each statement reads one snapshot), and the total is kept under that version.
     */
    public long count(String from, Map<String, Object> params) {
        if (capacity <= 0) {
            return Records.nativeCount("SELECT COUNT(*)" + from, params);
        }
        Key key = new Key(from, Collections.unmodifiableMap(new HashMap<>(params)));
        Counted known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.version() == Records.nativeCount(DataVersion.SELECT, Map.of())) {
            hits.increment();
            return known.count();
        }
        long[] versionAndCount = Records.nativeLongs("SELECT (" + DataVersion.SELECT + "), COUNT(*)" + from, params);
        Counted counted = new Counted(versionAndCount[0], versionAndCount[1]);
        synchronized (entries) {
            entries.put(key, counted);
        }
        misses.increment();
        return counted.count();
    }
}
