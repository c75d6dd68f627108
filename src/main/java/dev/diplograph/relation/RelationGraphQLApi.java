package dev.diplograph.relation;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.diplograph.milestone.Milestone;
import dev.diplograph.pagination.Limits;
import dev.diplograph.project.Project;
import dev.diplograph.visit.Visit;

/** GraphQL entry point for the relations between two countries. */
@GraphQLApi
public class RelationGraphQLApi {

    private final RelationService relations;

    public RelationGraphQLApi(RelationService relations) {
        this.relations = relations;
    }

    @Query
    @Description("The relations between two countries, given by ISO 3166-1 alpha-2 codes in either order; null when a code is unknown.")
    public Relation relation(@NonNull @Description("One country code, e.g. \"KR\".") String a,
            @NonNull @Description("The other country code, e.g. \"TR\".") String b) {
        return relations.between(a, b);
    }

    @NonNull
    @Description("Visits of either country's leaders to the other, newest first.")
    public List<@NonNull Visit> visits(@Source Relation relation,
            @DefaultValue("50") @Description(Limits.NESTED_FIRST_DESCRIPTION) Integer first) {
        return relations.visits(relation, Limits.nested(first));
    }

    @NonNull
    @Description("Projects both countries take part in, by key.")
    public List<@NonNull Project> projects(@Source Relation relation) {
        return relations.projects(relation);
    }

    @NonNull
    @Description("Dated history of the two countries, oldest first.")
    public List<@NonNull Milestone> milestones(@Source Relation relation) {
        return relations.milestones(relation);
    }
}
