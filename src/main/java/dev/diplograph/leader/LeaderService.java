package dev.diplograph.leader;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.country.Country;
import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.graph.Batches;
import dev.diplograph.pagination.Cursor;
import dev.diplograph.pagination.Limits;
import dev.diplograph.pagination.Page;
import dev.diplograph.pagination.Where;
import dev.diplograph.persistence.Records;

/** Reads leaders: look-ups, the paginated list, and batched resolution of speaker references. */
@ApplicationScoped
public class LeaderService {

    private final DatasetService datasets;

    public LeaderService(DatasetService datasets) {
        this.datasets = datasets;
    }

    static final String CONNECTION = "leaders";

    /** The leader with this slug, or null. */
    public Leader bySlug(String slug) {
        return Leader.findBySlug(slug).orElse(null);
    }

    /** One page of leaders ordered by slug, optionally of one country. */
    public LeaderConnection list(Integer first, String after, String countryCode) {
        int size = Limits.top(first);
        Where where = new Where();
        if (countryCode != null && !where.andKnown("l.countryId = :country", "country",
                Country.findByCode(countryCode).map(c -> c.id))) {
            return empty(after != null);
        }
        Where count = where.copy();
        if (after != null) {
            where.and("l.slug > :after", "after", Cursor.decode(after, CONNECTION, 1).get(0));
        }
        List<Leader> rows = Records.list(Leader.class, "from Leader l" + where.clause() + " order by l.slug", where.params(),
                size + 1);
        return new LeaderConnection(Page.of(rows, size, after != null, l -> Cursor.encode(CONNECTION, l.slug),
                LeaderEdge::new), () -> Records.count("from Leader l" + count.clause(), count.params()));
    }

    private static LeaderConnection empty(boolean after) {
        return new LeaderConnection(Page.of(List.<Leader> of(), 0, after, l -> "", LeaderEdge::new), () -> 0L);
    }

    /** For each parent, the leader its foreign key points at; one statement for the whole batch. */
    public <P> List<Leader> forParents(List<P> parents, Function<P, Long> leaderId) {
        return Batches.toOne(parents, leaderId, Leader::withIds, l -> l.id);
    }

    /** Creates or replaces the leader through the dataset write path and returns it as stored. */
    public Leader upsert(LeaderInput input) {
        datasets.apply(DatasetDocument.empty().withLeaders(List.of(input.toRecord())));
        return bySlug(input.slug);
    }
}
