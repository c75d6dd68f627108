package dev.diplograph.statement;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.dataset.StatementKeys;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Siblings;
import dev.diplograph.leader.Leader;
import dev.diplograph.pagination.CountCache;
import dev.diplograph.pagination.Cursor;
import dev.diplograph.pagination.Limits;
import dev.diplograph.pagination.Page;
import dev.diplograph.pagination.Where;
import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Records;
import dev.diplograph.project.Project;
import dev.diplograph.sector.Sector;
import dev.diplograph.source.Source;
import dev.diplograph.visit.CooperationArea;
import dev.diplograph.visit.Visit;

/** Reads statements: the filtered quotes list and the batched per-speaker, per-visit and per-area lists. */
@ApplicationScoped
public class StatementService {

    private final DatasetService datasets;
    private final Database database;
    private final CountCache counts;

    public StatementService(DatasetService datasets, Database database, CountCache counts) {
        this.datasets = datasets;
        this.database = database;
        this.counts = counts;
    }

    static final String CONNECTION = "quotes";

    /** Longest text accepted by the text filter. */
    static final int MAX_TEXT_FILTER = 200;

    /** Longest outlet name accepted by the outlet filter: what a source's outlet holds. */
    static final int MAX_OUTLET_FILTER = 200;

    /**
     * The first {@code :skip + 1} children of each parent, read through the parent's index up to the id
     * of its {@code (:skip + 1)}-th child: the work grows with the page, not with how many children a
     * parent has (a ROW_NUMBER() window over all of them took 155 ms for 20 leaders of 5,000 statements
     * on H2). Formatted with constant identifiers only: child table, its parent column, its child id
     * column, parent table.
     */
    private static final String FIRST_PER_PARENT = """
            SELECT c.%2$s, c.%3$s FROM (
              SELECT p.id AS parent_id, COALESCE((SELECT f.%3$s FROM %1$s f WHERE f.%2$s = p.id
                ORDER BY f.%3$s OFFSET :skip ROWS FETCH NEXT 1 ROW ONLY), 9223372036854775807) AS last_id
              FROM %4$s p WHERE p.id IN (:ids)) l
            JOIN %1$s c ON c.%2$s = l.parent_id AND c.%3$s <= l.last_id
            ORDER BY c.%2$s, c.%3$s""";
    private static final String FIRST_PER_SPEAKER = FIRST_PER_PARENT.formatted("statement", "speaker_id", "id", "leader");
    private static final String FIRST_PER_VISIT = FIRST_PER_PARENT.formatted("statement", "visit_id", "id", "visit");
    private static final String FIRST_PER_SOURCE = FIRST_PER_PARENT.formatted("statement", "source_id", "id", "source");
    private static final String FIRST_PER_PROJECT = FIRST_PER_PARENT.formatted("statement_project", "project_id",
            "statement_id", "project");
    private static final String FIRST_PER_SECTOR = FIRST_PER_PARENT.formatted("statement_sector", "sector_id",
            "statement_id", "sector");

    /**
     * Statements of the area's visit tagged with the area's sector, the first {@code :first} per area,
     * with their columns: one statement instead of a link query and a load by 600 ids (the traversal's
     * largest cost in a profile). The columns after parent_id are exactly {@link Statement#ROWS}'s, in order.
     */
    private static final String FIRST_PER_AREA_ROWS = """
            SELECT t.parent_id, c.id, c.statement_key, c.speaker_id, c.quote_text, c.kind, c.said_on, c.language,
                   c.source_id, c.visit_id
            FROM (
              SELECT a.id AS parent_id, s.id AS child_id, ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY s.id) AS rn
              FROM cooperation_area a
              JOIN statement s ON s.visit_id = a.visit_id
              JOIN statement_sector ss ON ss.statement_id = s.id AND ss.sector_id = a.sector_id
              WHERE a.id IN (:ids)) t
            JOIN statement c ON c.id = t.child_id
            WHERE t.rn <= :first ORDER BY t.parent_id, t.rn""";

    /**
     * Where a page of the quotes list is read from: the tables after FROM (the statement always as
     * {@code s}), the statement id column it pages on, and an ORDER BY that names the driving index's
     * columns. The order is always recording order (statement id); naming the index matters on H2, which
     * reads an index in order and stops after the page only when the ORDER BY names its columns and the
     * id has a range; otherwise it reads every candidate row first. {@code tag} is the link table
     * alone, for a tag's drive, else null.
     */
    private record Drive(String from, String tag, String id, String order) {
    }

    private static final String STATEMENT = " FROM statement s";
    /** Every statement, by primary key. */
    private static final Drive BY_ID = new Drive(STATEMENT, null, "s.id", " ORDER BY s.id");
    /** One speaker's statements, by the (speaker_id, id) index. */
    private static final Drive BY_SPEAKER = new Drive(STATEMENT, null, "s.id", " ORDER BY s.speaker_id, s.id");
    /** One visit's statements, by the (visit_id, id) index. */
    private static final Drive BY_VISIT = new Drive(STATEMENT, null, "s.id", " ORDER BY s.visit_id, s.id");
    /**
     * One sector's statements, by the link table's (sector_id, statement_id) index: tested on each
     * statement instead (EXISTS), a sector that few statements carry made H2 read every statement.
     */
    private static final Drive BY_SECTOR = new Drive(" FROM statement_sector d JOIN statement s ON s.id = d.statement_id",
            " FROM statement_sector d", "d.statement_id", " ORDER BY d.sector_id, d.statement_id");
    /** One project's statements, by the link table's (project_id, statement_id) index, as for a sector. */
    private static final Drive BY_PROJECT = new Drive(" FROM statement_project d JOIN statement s ON s.id = d.statement_id",
            " FROM statement_project d", "d.statement_id", " ORDER BY d.project_id, d.statement_id");

    /**
     * The narrowest index the filter names. A speaker or a visit drives as before; a project or a sector
     * drives only when no text, source or outlet criterion is given, since those narrow further through
     * their own indexes and would otherwise be tested on every statement of the tag.
     */
    private static Drive drive(QuoteFilter filter) {
        if (filter == null) {
            return BY_ID;
        }
        if (filter.speaker != null) {
            return BY_SPEAKER;
        }
        if (filter.visit != null) {
            return BY_VISIT;
        }
        if (filter.text != null || filter.source != null || filter.outlet != null) {
            return BY_ID;
        }
        return filter.project != null ? BY_PROJECT : filter.sector != null ? BY_SECTOR : BY_ID;
    }

    /** One page of statements in recording order, filtered. */
    public StatementConnection list(Integer first, String after, QuoteFilter filter) {
        int size = Limits.top(first);
        Drive drive = drive(filter);
        Where where = new Where();
        if (filter != null && !constrain(where, filter, drive)) {
            return new StatementConnection(
                    Page.of(List.<Statement> of(), 0, after != null, s -> "", StatementEdge::new), () -> 0L);
        }
        // With the tag as the only criterion, its link rows alone give the count (a foreign key ties
        // each to a statement): 38 ms instead of 448 ms for a sector of 75,000 statements on H2.
        boolean tagAlone = drive.tag != null && where.size() == 1;
        String countFrom = tagAlone ? drive.tag : drive.from;
        Where count = where.copy();
        // A speaker's or a visit's statements, or a tag's alone, are counted on an index; other totals
        // read many rows (a kind alone reads every statement), so they are kept until the next write.
        boolean indexed = drive == BY_SPEAKER || drive == BY_VISIT || tagAlone;
        if (after != null || drive != BY_ID) {
            long afterId = 0; // ids start at 1
            if (after != null) {
                try {
                    afterId = Long.parseLong(Cursor.decode(after, CONNECTION, 1).get(0));
                } catch (NumberFormatException e) {
                    throw Cursor.invalid(CONNECTION);
                }
            }
            where.and(drive.id + " > :afterId", "afterId", afterId);
        }
        // Native SQL: the text criterion uses each database's own full-text index.
        List<Statement> rows = Records.nativeList(Statement.class,
                "SELECT s.id, s.statement_key, s.speaker_id, s.quote_text, s.kind, s.said_on, s.language, s.source_id,"
                        + " s.visit_id" + drive.from + where.clause() + drive.order, where.params(), size + 1);
        return new StatementConnection(Page.of(rows, size, after != null, s -> Cursor.encode(CONNECTION, s.id),
                StatementEdge::new), () -> indexed
                        ? Records.nativeCount("SELECT COUNT(*)" + countFrom + count.clause(), count.params())
                        : counts.count(countFrom + count.clause(), count.params()));
    }

    /**
     * Refuses a filter that can never be answered (from after to, an empty or overlong text), the
     * same way for the quotes list and the statementAdded subscription.
     *
     * @throws BadUserInputException naming the criterion
     */
    public static void check(QuoteFilter filter) {
        if (filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadUserInputException("Filter 'from' (" + filter.from + ") is after 'to' (" + filter.to + ").");
        }
        if (filter.outlet != null && (filter.outlet.isBlank() || outletKey(filter.outlet).codePoints().count() > MAX_OUTLET_FILTER)) {
            throw new BadUserInputException("Filter 'outlet' must hold 1 to " + MAX_OUTLET_FILTER + " characters besides spaces.");
        }
        if (filter.text != null) {
            String text = filter.text.strip();
            if (text.isEmpty() || text.length() > MAX_TEXT_FILTER) {
                throw new BadUserInputException(
                        "Filter 'text' must hold 1 to " + MAX_TEXT_FILTER + " characters besides spaces.");
            }
            if (QuoteSearch.terms(text).isEmpty()) {
                throw new BadUserInputException("Filter 'text' must contain at least one word (letters or digits).");
            }
        }
    }

    /** How the outlet filter compares outlet names: trimmed and lower-cased, as SQL's TRIM and LOWER do on both databases. */
    public static String outletKey(String outlet) {
        return outlet.strip().toLowerCase(Locale.ROOT);
    }

    /** Adds the filter's criteria; returns false when a criterion names something unknown (no match). */
    private boolean constrain(Where where, QuoteFilter filter, Drive drive) {
        check(filter);
        if (filter.text != null) {
            QuoteSearch.constrain(where, database, filter.text.strip());
        }
        // The driving tag's criterion goes first: the count of a tag alone checks for one fragment.
        if (filter.project != null && !where.andKnown(drive == BY_PROJECT ? "d.project_id = :project"
                : "EXISTS (SELECT 1 FROM statement_project sp WHERE sp.statement_id = s.id AND sp.project_id = :project)",
                "project", Project.findByKey(filter.project).map(p -> p.id))) {
            return false;
        }
        if (filter.sector != null && !where.andKnown(drive == BY_SECTOR ? "d.sector_id = :sector"
                : "EXISTS (SELECT 1 FROM statement_sector ss WHERE ss.statement_id = s.id AND ss.sector_id = :sector)",
                "sector", Sector.findBySlug(filter.sector).map(s -> s.id))) {
            return false;
        }
        if (filter.speaker != null
                && !where.andKnown("s.speaker_id = :speaker", "speaker", Leader.findBySlug(filter.speaker).map(l -> l.id))) {
            return false;
        }
        if (filter.visit != null
                && !where.andKnown("s.visit_id = :visit", "visit", Visit.findByKey(filter.visit).map(v -> v.id))) {
            return false;
        }
        if (filter.source != null
                && !where.andKnown("s.source_id = :source", "source", Source.findByKey(filter.source).map(r -> r.id))) {
            return false;
        }
        if (filter.outlet != null) {
            // the statement's source among the outlet's: sources are few next to statements
            where.and("s.source_id IN (SELECT src.id FROM source src WHERE LOWER(TRIM(src.outlet)) = :outlet)", "outlet",
                    outletKey(filter.outlet));
        }
        if (filter.kind != null) {
            where.and("s.kind = :kind", "kind", filter.kind.name());
        }
        if (filter.from != null) {
            where.and("COALESCE(s.said_on, (SELECT src.published_on FROM source src WHERE src.id = s.source_id)) >= :from",
                    "from", filter.from);
        }
        if (filter.to != null) {
            where.and("COALESCE(s.said_on, (SELECT src.published_on FROM source src WHERE src.id = s.source_id)) <= :to",
                    "to", filter.to);
        }
        return true;
    }


    /** Each leader's first statements; one link statement plus one load for the whole batch. */
    public List<List<Statement>> forSpeakers(List<Leader> leaders, int first) {
        return Batches.firstPerParent(leaders, l -> l.id, FIRST_PER_SPEAKER, first, Statement::withIds, s -> s.id);
    }

    /** Each project's first statements; one link statement plus one load for the whole batch. */
    public List<List<Statement>> forProjects(List<Project> projects, int first) {
        return Batches.firstPerParent(projects, p -> p.id, FIRST_PER_PROJECT, first, Statement::withIds, s -> s.id);
    }

    /** Each source's first statements; one link statement plus one load for the whole batch. */
    public List<List<Statement>> forSources(List<Source> sources, int first) {
        return Batches.firstPerParent(sources, s -> s.id, FIRST_PER_SOURCE, first, Statement::withIds, s -> s.id);
    }

    /** Each sector's first statements, across visits; one link statement plus one load for the whole batch. */
    public List<List<Statement>> forSectors(List<Sector> sectors, int first) {
        return Batches.firstPerParent(sectors, s -> s.id, FIRST_PER_SECTOR, first, Statement::withIds, s -> s.id);
    }

    /** Each visit's first statements; one link statement plus one load for the whole batch. */
    public List<List<Statement>> forVisits(List<Visit> visits, int first) {
        return Batches.firstPerParent(visits, v -> v.id, FIRST_PER_VISIT, first, Statement::withIds, s -> s.id);
    }

    /**
     * Each area's first statements; one windowed statement that also loads them, for the whole batch.
     * They become siblings, so their sources and speakers load in one go (see {@link StatementFetchers}).
     */
    public List<List<Statement>> forAreas(List<CooperationArea> areas, int first) {
        // Batched: one statement for the quotes of every area in the response, built without entity loading.
        List<List<Statement>> quotes = Batches.firstPerParentRows(areas, a -> a.id, FIRST_PER_AREA_ROWS, first, Statement.ROWS);
        Siblings.of(quotes.stream().flatMap(List::stream).toList(), (s, group) -> s.siblings = group);
        return quotes;
    }

    /** Creates or replaces the statement (its key derived when absent) and returns it as stored. */
    public Statement upsert(StatementInput input) {
        StatementRecord record = input.toRecord();
        datasets.apply(DatasetDocument.empty().withStatements(List.of(record)));
        return Statement.findByKey(StatementKeys.keyOf(record)).orElseThrow();
    }
}
