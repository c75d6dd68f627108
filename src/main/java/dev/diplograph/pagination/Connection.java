package dev.diplograph.pagination;

import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Base of the Relay connections: a page of edges, page info, and a total counted only when asked for.
 * Registered for reflection so native images find the getters that the concrete connections inherit.
 */
@RegisterForReflection
public abstract class Connection<E> {

    /** Description of every connection's {@code totalCount} field. */
    public static final String TOTAL_COUNT_DESCRIPTION = "Number of items in the whole filtered list, over all pages. "
            + "Costs one extra count query; select it only when needed.";

    private final List<E> edges;
    private final PageInfo pageInfo;
    private final LongSupplier counter;

    protected Connection(Page.Result<E> page, LongSupplier totalCount) {
        this.edges = page.edges();
        this.pageInfo = page.pageInfo();
        this.counter = totalCount;
    }

    @NonNull
    @Description("The items of this page, in list order, each with its cursor.")
    public List<@NonNull E> getEdges() {
        return edges;
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    /** Counts the whole filtered list; exposed as the {@code totalCount} field by each connection's API class. */
    public int countAll() {
        return Math.toIntExact(counter.getAsLong());
    }
}
