package dev.diplograph.milestone;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads milestones, the dated history between countries. */
@ApplicationScoped
public class MilestoneService {

    /** The milestone with this key, or null. */
    public Milestone byKey(String key) {
        return Milestone.findByKey(key).orElse(null);
    }

    /** Milestones that involve both countries, oldest first. */
    public List<Milestone> involving(long countryA, long countryB) {
        return Milestone.list("from Milestone m where :a member of m.countryIds and :b member of m.countryIds"
                + " order by m.year, m.key", Map.of("a", countryA, "b", countryB));
    }
}
