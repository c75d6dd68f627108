package dev.diplograph.sector;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** GraphQL entry points and fields of sectors. */
@GraphQLApi
public class SectorGraphQLApi {

    private final SectorService sectors;

    public SectorGraphQLApi(SectorService sectors) {
        this.sectors = sectors;
    }

    @Query
    @NonNull
    @Description("Every sector, ordered by name. The list is small (tens of sectors), so it is not paginated.")
    public List<@NonNull Sector> sectors() {
        return sectors.all();
    }

    @Query
    @Description("The sector with this slug, or null when unknown.")
    public Sector sector(@NonNull @Description("Sector slug, e.g. \"nuclear-power\".") String slug) {
        return sectors.bySlug(slug);
    }

    // Batched: one statement for all sectors of the response.
    @NonNull
    @Description("Lower-case words and phrases that signal this sector in a text, sorted.")
    public List<@NonNull List<@NonNull String>> keywords(@Source List<Sector> sources) {
        return sectors.keywords(sources);
    }
}
