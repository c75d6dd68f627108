package dev.diplograph.milestone;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.persistence.Records;

/** Reads milestones, the dated history between countries. */
@ApplicationScoped
public class MilestoneService {

    private final DatasetService datasets;

    public MilestoneService(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** The milestone with this key, or null. */
    public Milestone byKey(String key) {
        return Milestone.findByKey(key).orElse(null);
    }

    /** Milestones that involve both countries, oldest first. */
    public List<Milestone> involving(long countryA, long countryB) {
        return Records.list(Milestone.class, "from Milestone m where :a member of m.countryIds and :b member of m.countryIds"
                + " order by m.year, m.key", Map.of("a", countryA, "b", countryB), Integer.MAX_VALUE);
    }

    /** Creates or replaces the milestone through the dataset write path and returns it as stored. */
    public Milestone upsert(MilestoneInput input) {
        datasets.apply(DatasetDocument.empty().withMilestones(List.of(input.toRecord())));
        return byKey(input.key);
    }
}
