package dev.diplograph.live;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Records;
import dev.diplograph.statement.QuoteSearch;
import dev.diplograph.statement.Statement;
import dev.diplograph.visit.Visit;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/** Reads committed records for the change feed: a few queries per batch of events, whatever the number of subscribers. */
@ApplicationScoped
class EventLoader {

    private static final int CHUNK = 500;
    private static final String MATCH_FIELDS = """
            SELECT s.id, l.slug, v.visit_key, COALESCE(s.said_on, src.published_on)
            FROM statement s JOIN leader l ON l.id = s.speaker_id JOIN source src ON src.id = s.source_id
            LEFT JOIN visit v ON v.id = s.visit_id WHERE s.id = ANY(?)""";
    private static final String SECTORS = """
            SELECT ss.statement_id, se.slug FROM statement_sector ss JOIN sector se ON se.id = ss.sector_id
            WHERE ss.statement_id = ANY(?) ORDER BY se.slug""";

    private final Database database;

    EventLoader(Database database) {
        this.database = database;
    }

    /** The statements that still exist, in the order of the ids. */
    List<StatementEvent> statements(List<Long> ids, Map<Long, Long> committedAtMicros) {
        List<StatementEvent> events = new ArrayList<>(ids.size());
        inRequestContext(() -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                Map<Long, Statement> rows = Records.list(Statement.class, "from Statement where id in ?1", chunk)
                        .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
                Map<Long, Object[]> fields = new HashMap<>();
                Map<Long, List<String>> sectors = new HashMap<>();
                try (Connection connection = database.dataSource().getConnection()) {
                    Array array = connection.createArrayOf("BIGINT", chunk.toArray());
                    try (PreparedStatement select = connection.prepareStatement(MATCH_FIELDS)) {
                        select.setArray(1, array);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                Date date = rs.getDate(4);
                                fields.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3),
                                        date == null ? null : date.toLocalDate() });
                            }
                        }
                    }
                    try (PreparedStatement select = connection.prepareStatement(SECTORS)) {
                        select.setArray(1, array);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                sectors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not read new statements for subscribers", e);
                }
                for (Long id : chunk) {
                    Statement statement = rows.get(id);
                    Object[] f = fields.get(id);
                    if (statement == null || f == null) {
                        continue; // deleted again before delivery
                    }
                    events.add(new StatementEvent(statement, (String) f[0], (String) f[1],
                            List.copyOf(sectors.getOrDefault(id, List.of())), (LocalDate) f[2],
                            new HashSet<>(QuoteSearch.terms(statement.text)), committedAtMicros.getOrDefault(id, 0L)));
                }
            }
        });
        return events;
    }

    /** The changes with their visits as committed; a visit changed and deleted since is left to its deletion event. */
    List<VisitChange> visits(List<VisitEvent> events, List<Long> committedAtMicros) {
        List<VisitChange> changes = new ArrayList<>(events.size());
        inRequestContext(() -> {
            List<Long> live = events.stream().filter(e -> e.change() != ChangeKind.DELETED).map(VisitEvent::id).toList();
            Map<Long, Visit> visits = new HashMap<>();
            for (int from = 0; from < live.size(); from += CHUNK) {
                for (Visit visit : Records.list(Visit.class, "from Visit where id in ?1",
                        live.subList(from, Math.min(live.size(), from + CHUNK)))) {
                    visits.put(visit.id, visit);
                }
            }
            for (int i = 0; i < events.size(); i++) {
                VisitEvent event = events.get(i);
                Visit visit = visits.get(event.id());
                if (event.change() == ChangeKind.DELETED || visit != null) {
                    changes.add(new VisitChange(event, visit, committedAtMicros.get(i)));
                }
            }
        });
        return changes;
    }

    private static void inRequestContext(Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            work.run();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }
}
