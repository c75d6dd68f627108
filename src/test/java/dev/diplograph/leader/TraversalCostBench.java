package dev.diplograph.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.TestFixtures;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionService;

/**
 * Benchmark, not a test (runs only with -Dbench.traversal=true, see bench/traversal.sh): the deep
 * traversal of one leader (20 visits x 6 areas x 5 quotes with source and speaker) executed by the
 * GraphQL engine in this JVM, against plain JDBC reading the same rows with four hand-written
 * queries. Prints both times and their ratio; asserts only that both read the same number of quotes.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.traversal", matches = "true")
class TraversalCostBench {

    static final String QUERY = """
            { leader(slug: "%s") { name visits(first: 20) { key startDate hostCountry { code }
                sectors { status sector { slug } quotes(first: 5) { text kind source { outlet } speaker { slug } } } } } }"""
            .formatted(TestFixtures.LEADER);

    static final String LEADER = "SELECT id, name FROM leader WHERE slug = ?";
    static final String VISITS = """
            SELECT v.id, v.visit_key, v.start_date, c.code FROM visit v JOIN country c ON c.id = v.host_country_id
            WHERE v.leader_id = ? ORDER BY v.start_date DESC, v.visit_key DESC FETCH FIRST 20 ROWS ONLY""";
    static final String AREAS = """
            SELECT a.id, a.visit_id, a.status, se.slug FROM cooperation_area a JOIN sector se ON se.id = a.sector_id
            WHERE a.visit_id = ANY(?) ORDER BY a.visit_id, se.slug""";
    static final String QUOTES = """
            SELECT t.area_id, t.quote_text, t.kind, src.outlet, l.slug FROM (
              SELECT a.id AS area_id, s.quote_text, s.kind, s.source_id, s.speaker_id,
                     ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY s.id) AS rn
              FROM cooperation_area a JOIN statement s ON s.visit_id = a.visit_id
              JOIN statement_sector ss ON ss.statement_id = s.id AND ss.sector_id = a.sector_id
              WHERE a.id = ANY(?)) t
            JOIN source src ON src.id = t.source_id JOIN leader l ON l.id = t.speaker_id
            WHERE t.rn <= 5 ORDER BY t.area_id, t.rn""";

    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int RUNS = Integer.getInteger("bench.runs", 300);

    @Inject
    Database database;

    @Test
    void traversalAgainstPlainJdbc() throws Exception {
        ExecutionService engine = Arc.container().instance(ExecutionService.class).get();
        JsonObject request = Json.createReader(new StringReader(
                Json.createObjectBuilder().add("query", QUERY).build().toString())).readObject();
        int[] graphqlQuotes = new int[1];
        LongSupplier graphql = () -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                long start = System.nanoTime();
                ExecutionResponse[] answer = new ExecutionResponse[1];
                // As Quarkus's HTTP handler does: resolvers run on the calling (worker) thread.
                engine.executeSync(request, new HashMap<>(Map.of("runBlocking", true, "httpHeaders", Map.of())),
                        r -> answer[0] = r);
                ExecutionResponse response = answer[0];
                long took = System.nanoTime() - start;
                assertNull(response.getExecutionResult().getErrors().isEmpty() ? null : response.getExecutionResult().getErrors());
                graphqlQuotes[0] = countQuotes(response.getExecutionResultAsJsonObject());
                return took;
            } finally {
                context.terminate();
            }
        };
        int[] jdbcQuotes = new int[1];
        LongSupplier jdbc = () -> {
            long start = System.nanoTime();
            jdbcQuotes[0] = readWithJdbc();
            return System.nanoTime() - start;
        };
        for (int i = 0; i < WARMUP; i++) {
            graphql.getAsLong();
            jdbc.getAsLong();
        }
        long[] g = new long[RUNS];
        long[] j = new long[RUNS];
        for (int i = 0; i < RUNS; i++) { // interleaved, so both see the same machine noise
            g[i] = graphql.getAsLong();
            j[i] = jdbc.getAsLong();
        }
        assertEquals(20 * TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA, graphqlQuotes[0]);
        assertEquals(graphqlQuotes[0], jdbcQuotes[0], "both must read the same quotes");
        Statistics statistics = database.sessionFactory().getStatistics();
        statistics.clear();
        graphql.getAsLong();
        long statements = statistics.getPrepareStatementCount();
        Arrays.sort(g);
        Arrays.sort(j);
        System.out.printf(Locale.ROOT, "BENCH traversal of %d quotes, %d runs after %d warm-up runs, %s%n", graphqlQuotes[0],
                RUNS, WARMUP, database);
        System.out.printf(Locale.ROOT, "BENCH graphql engine: p50 %.2f ms, p90 %.2f ms, %d SQL statements%n",
                ms(g, 50), ms(g, 90), statements);
        System.out.printf(Locale.ROOT, "BENCH plain JDBC:     p50 %.2f ms, p90 %.2f ms, 4 SQL statements%n", ms(j, 50), ms(j, 90));
        System.out.printf(Locale.ROOT, "BENCH ratio (p50): %.2f%n", ms(g, 50) / ms(j, 50));
        // The SQL statements of the other requests bench/load.sh drives, counted the same way.
        Map<String, String> others = Map.of(
                "lookup", "{ sector(slug: \"fixture-sector-1\") { slug name description } }",
                "search", "{ quotes(first: 20, filter: {text: \"sector during\"}) { edges { node { key text } } } }",
                "listing", "{ visits(first: 20) { edges { node { key startDate title } } pageInfo { endCursor hasNextPage } } }");
        for (String name : List.of("lookup", "search", "listing")) {
            JsonObject other = Json.createReader(new StringReader(
                    Json.createObjectBuilder().add("query", others.get(name)).build().toString())).readObject();
            statistics.clear();
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                engine.executeSync(other, new HashMap<>(Map.of("runBlocking", true, "httpHeaders", Map.of())),
                        r -> assertNull(r.getExecutionResult().getErrors().isEmpty() ? null : r.getExecutionResult().getErrors()));
            } finally {
                context.terminate();
            }
            System.out.printf(Locale.ROOT, "BENCH %s: %d SQL statements%n", name, statistics.getPrepareStatementCount());
        }
    }

    static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    static int countQuotes(jakarta.json.JsonObject result) {
        int n = 0;
        for (var visit : result.getJsonObject("data").getJsonObject("leader").getJsonArray("visits")) {
            for (var area : visit.asJsonObject().getJsonArray("sectors")) {
                n += area.asJsonObject().getJsonArray("quotes").size();
            }
        }
        return n;
    }

    /** The same rows, read into plain objects the way a hand-written DAO would. */
    int readWithJdbc() {
        try (Connection connection = database.dataSource().getConnection()) {
            long leader;
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(LEADER)) {
                select.setString(1, TestFixtures.LEADER);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    leader = rs.getLong(1);
                    rows.add(new Object[] { rs.getString(2) });
                }
            }
            List<Long> visits = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(VISITS)) {
                select.setLong(1, leader);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        visits.add(rs.getLong(1));
                        rows.add(new Object[] { rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4) });
                    }
                }
            }
            List<Long> areas = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(AREAS)) {
                select.setArray(1, connection.createArrayOf("BIGINT", visits.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        areas.add(rs.getLong(1));
                        rows.add(new Object[] { rs.getLong(2), rs.getString(3), rs.getString(4) });
                    }
                }
            }
            int quotes = 0;
            try (PreparedStatement select = connection.prepareStatement(QUOTES)) {
                select.setArray(1, connection.createArrayOf("BIGINT", areas.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5) });
                        quotes++;
                    }
                }
            }
            return quotes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
