package dev.diplograph.relation;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.country.Country;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.milestone.Milestone;
import dev.diplograph.milestone.MilestoneService;
import dev.diplograph.persistence.Records;
import dev.diplograph.project.Project;
import dev.diplograph.project.ProjectService;
import dev.diplograph.visit.Visit;

/** Assembles the view of two countries' relations from visits, projects and milestones. */
@ApplicationScoped
public class RelationService {

    private final ProjectService projects;
    private final MilestoneService milestones;

    public RelationService(ProjectService projects, MilestoneService milestones) {
        this.projects = projects;
        this.milestones = milestones;
    }

    /** The relation of two countries, or null when either code is unknown. */
    public Relation between(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            throw new BadUserInputException("A relation needs two different countries; got \"" + a + "\" twice.");
        }
        Country first = Country.findByCode(a).orElse(null);
        Country second = Country.findByCode(b).orElse(null);
        return first == null || second == null ? null : new Relation(first, second);
    }

    /** Visits of either country's leaders to the other, newest first. */
    public List<Visit> visits(Relation relation, int first) {
        if (first == 0) {
            return List.of();
        }
        return Records.list(Visit.class, """
                from Visit v where
                  (v.hostCountryId = :b and v.leaderId in (select l.id from Leader l where l.countryId = :a))
                  or (v.hostCountryId = :a and v.leaderId in (select l.id from Leader l where l.countryId = :b))
                order by v.startDate desc, v.key desc""", Map.of("a", relation.a.id, "b", relation.b.id), first);
    }

    /** Projects both countries take part in, by key. */
    public List<Project> projects(Relation relation) {
        return projects.involving(relation.a.id, relation.b.id);
    }

    /** Milestones of both countries, oldest first. */
    public List<Milestone> milestones(Relation relation) {
        return milestones.involving(relation.a.id, relation.b.id);
    }
}
