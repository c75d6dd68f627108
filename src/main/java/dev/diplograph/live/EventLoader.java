package dev.diplograph.live;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Links;
import dev.diplograph.persistence.Database;
import dev.diplograph.statement.QuoteSearch;
import dev.diplograph.statement.Statement;
import dev.diplograph.visit.Visit;

/** Reads committed records for the change feed: a few queries per batch of events, whatever the number of subscribers. */
@ApplicationScoped
class EventLoader {

    // IN lists, not "= ANY(?)": H2 looks the former up by primary key and scans the table for the latter.
    private static final String MATCH_FIELDS = """
            SELECT s.id, l.slug, v.visit_key, COALESCE(s.said_on, src.published_on), src.source_key, src.outlet
            FROM statement s JOIN leader l ON l.id = s.speaker_id JOIN source src ON src.id = s.source_id
            LEFT JOIN visit v ON v.id = s.visit_id WHERE s.id IN (:ids)""";
    private static final String SECTORS = """
            SELECT ss.statement_id, se.slug FROM statement_sector ss JOIN sector se ON se.id = ss.sector_id
            WHERE ss.statement_id IN (:ids) ORDER BY ss.statement_id, se.slug""";
    private static final String PROJECTS = """
            SELECT sp.statement_id, p.project_key FROM statement_project sp JOIN project p ON p.id = sp.project_id
            WHERE sp.statement_id IN (:ids) ORDER BY sp.statement_id, p.project_key""";

    /** The statements that still exist, in the order of the ids. */
    @ActivateRequestContext // the dispatcher thread has none; the Hibernate session needs one
    List<StatementEvent> statements(List<Long> ids, Map<Long, Long> committedAtMicros) {
        List<StatementEvent> events = new ArrayList<>(ids.size());
        Map<Long, Statement> rows = Batches.byId(Statement.withIds(ids), s -> s.id);
        Map<Long, Object[]> fields = Batches.byId(Batches.load(ids, chunk -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = Database.current().session().createNativeQuery(MATCH_FIELDS)
                    .setParameterList("ids", chunk).getResultList();
            return found;
        }), row -> ((Number) row[0]).longValue());
        Map<Long, List<String>> sectors = Links.texts(SECTORS, ids);
        Map<Long, List<String>> projects = Links.texts(PROJECTS, ids);
        for (Long id : ids) {
            Statement statement = rows.get(id);
            Object[] f = fields.get(id);
            if (statement == null || f == null) {
                continue; // deleted again before delivery
            }
            events.add(new StatementEvent(statement, (String) f[1], (String) f[2], (String) f[4], (String) f[5],
                    List.copyOf(sectors.getOrDefault(id, List.of())), List.copyOf(projects.getOrDefault(id, List.of())),
                    localDate(f[3]), new HashSet<>(QuoteSearch.terms(statement.text)), committedAtMicros.getOrDefault(id, 0L)));
        }
        return events;
    }

    /** The changes with their visits as committed; a visit changed and deleted since is left to its deletion event. */
    @ActivateRequestContext
    List<VisitChange> visits(List<VisitEvent> events, List<Long> committedAtMicros) {
        List<VisitChange> changes = new ArrayList<>(events.size());
        Map<Long, Visit> visits = Batches.byId(Visit.withIds(events.stream()
                .filter(e -> e.change() != ChangeKind.DELETED).map(VisitEvent::id).toList()), v -> v.id);
        for (int i = 0; i < events.size(); i++) {
            VisitEvent event = events.get(i);
            Visit visit = visits.get(event.id());
            if (event.change() == ChangeKind.DELETED || visit != null) {
                changes.add(new VisitChange(event, visit, committedAtMicros.get(i)));
            }
        }
        return changes;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
