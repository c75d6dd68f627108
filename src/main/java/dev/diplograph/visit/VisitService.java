package dev.diplograph.visit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.country.Country;
import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Siblings;
import dev.diplograph.graph.Links;
import dev.diplograph.leader.Leader;
import dev.diplograph.pagination.Cursor;
import dev.diplograph.pagination.Limits;
import dev.diplograph.pagination.Page;
import dev.diplograph.pagination.Where;
import dev.diplograph.persistence.Records;
import dev.diplograph.sector.Sector;

/** Reads visits and their cooperation areas: look-ups, the filtered list, and batched relations. */
@ApplicationScoped
public class VisitService {

    private final DatasetService datasets;

    public VisitService(DatasetService datasets) {
        this.datasets = datasets;
    }

    static final String CONNECTION = "visits";

    /** The latest {@code :first} visits of each leader in {@code :ids}, newest first. */
    private static final String LATEST_PER_LEADER_ROWS = """
            SELECT t.parent_id, c.id, c.visit_key, c.leader_id, c.host_country_id, c.start_date, c.end_date, c.kind,
                   c.title, c.summary
            FROM (
              SELECT v.leader_id AS parent_id, v.id AS child_id, ROW_NUMBER() OVER (
                PARTITION BY v.leader_id ORDER BY v.start_date DESC, v.visit_key DESC) AS rn
              FROM visit v WHERE v.leader_id IN (:ids)) t
            JOIN visit c ON c.id = t.child_id
            WHERE t.rn <= :first ORDER BY t.parent_id, t.rn""";

    private static final String BY_PROJECT = """
            SELECT pv.project_id, pv.visit_id FROM project_visit pv JOIN visit v ON v.id = pv.visit_id
            WHERE pv.project_id IN (:ids) ORDER BY pv.project_id, v.start_date DESC, v.visit_key DESC""";

    private static final String ORDER = " order by v.startDate desc, v.key desc";

    /** The visit with this key, or null. */
    public Visit byKey(String key) {
        return Visit.findByKey(key).orElse(null);
    }

    /** One page of visits, newest first, filtered. */
    public VisitConnection list(Integer first, String after, VisitFilter filter) {
        int size = Limits.top(first);
        Where where = new Where();
        if (filter != null && !constrain(where, filter)) {
            return new VisitConnection(Page.of(List.<Visit> of(), 0, after != null, v -> "", VisitEdge::new),
                    () -> 0L);
        }
        Where count = where.copy();
        if (after != null) {
            List<String> parts = Cursor.decode(after, CONNECTION, 2);
            LocalDate date;
            try {
                date = LocalDate.parse(parts.get(0));
            } catch (DateTimeParseException e) {
                throw Cursor.invalid(CONNECTION);
            }
            where.and("(v.startDate < :afterDate or (v.startDate = :afterDate and v.key < :afterKey))",
                    "afterDate", date, "afterKey", parts.get(1));
        }
        List<Visit> rows = Records.list(Visit.class, "from Visit v" + where.clause() + ORDER, where.params(), size + 1);
        return new VisitConnection(Page.of(rows, size, after != null,
                v -> Cursor.encode(CONNECTION, v.startDate, v.key), VisitEdge::new),
                () -> Records.count("from Visit v" + count.clause(), count.params()));
    }

    /** Adds the filter's criteria; returns false when a criterion names something unknown (no match). */
    private static boolean constrain(Where where, VisitFilter filter) {
        if (filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadUserInputException("Filter 'from' (" + filter.from + ") is after 'to' (" + filter.to + ").");
        }
        if (filter.leader != null
                && !where.andKnown("v.leaderId = :leader", "leader", Leader.findBySlug(filter.leader).map(l -> l.id))) {
            return false;
        }
        if (filter.hostCountry != null && !where.andKnown("v.hostCountryId = :host", "host",
                Country.findByCode(filter.hostCountry).map(c -> c.id))) {
            return false;
        }
        if (filter.sector != null && !where.andKnown(
                "exists (select 1 from CooperationArea a where a.visitId = v.id and a.sectorId = :sector)",
                "sector", Sector.findBySlug(filter.sector).map(s -> s.id))) {
            return false;
        }
        if (filter.from != null) {
            where.and("coalesce(v.endDate, v.startDate) >= :from", "from", filter.from);
        }
        if (filter.to != null) {
            where.and("v.startDate <= :to", "to", filter.to);
        }
        return true;
    }

    /**
     * Each leader's latest visits, read-only; one windowed statement that also returns their columns, for
     * the whole batch.
     * They become siblings, so their host countries and areas load in one go (see {@link VisitFetchers}).
     */
    public List<List<Visit>> forLeaders(List<Leader> leaders, int first) {
        List<List<Visit>> visits = Batches.firstPerParentRows(leaders, l -> l.id, LATEST_PER_LEADER_ROWS, first, Visit.ROWS);
        Siblings.of(visits.stream().flatMap(List::stream).toList(), (v, group) -> v.siblings = group);
        return visits;
    }

    /** Each project's visits, newest first; one link query plus one load for the whole batch. */
    public <P> List<List<Visit>> forProjects(List<P> projects, Function<P, Long> projectId) {
        return Batches.viaLinks(projects, projectId, BY_PROJECT, Visit::withIds, v -> v.id);
    }

    /** For each parent, the visit its foreign key points at; one statement for the whole batch. */
    public <P> List<Visit> forParents(List<P> parents, Function<P, Long> visitId) {
        return Batches.toOne(parents, visitId, Visit::withIds, v -> v.id);
    }

    /** Each visit's cooperation areas in recorded order; one statement for the whole batch. */
    public List<List<CooperationArea>> areas(List<Visit> visits) {
        Set<Long> ids = Batches.ids(visits, v -> v.id);
        List<CooperationArea> areas = CooperationArea.forVisits(ids);
        Siblings.of(areas, (a, group) -> a.siblings = group); // their sectors then load in one go
        return Batches.toMany(visits, v -> v.id, Batches.group(areas, a -> a.visitId));
    }

    /** Each visit's cities, in the order recorded; one statement for the whole batch. */
    public List<List<String>> cities(List<Visit> visits) {
        return Batches.toMany(visits, v -> v.id, Links.texts(
                "SELECT visit_id, name FROM visit_city WHERE visit_id IN (:ids) ORDER BY visit_id, city_index",
                Batches.ids(visits, v -> v.id)));
    }

    /** Creates or replaces the visit through the dataset write path and returns it as stored. */
    public Visit upsert(VisitInput input) {
        datasets.apply(DatasetDocument.empty().withVisits(List.of(input.toRecord())));
        return byKey(input.key);
    }

    /** Sets one cooperation area of a visit and returns it as stored. */
    public CooperationArea setArea(String visitKey, CooperationAreaInput input) {
        datasets.setArea(visitKey, input.toRecord());
        return Records.first(CooperationArea.class, "from CooperationArea where visitId = (select v.id from Visit v where v.key = ?1)"
                + " and sectorId = (select s.id from Sector s where s.slug = ?2)", visitKey, input.sector).orElseThrow();
    }
}
