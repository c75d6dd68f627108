package dev.diplograph.leader;

import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;

import dev.diplograph.pagination.Connection;
import dev.diplograph.pagination.Page;

/** A page of leaders (Relay connection). */
@Description("A page of leaders, ordered by slug.")
public class LeaderConnection extends Connection<LeaderEdge> {

    public LeaderConnection(Page.Result<LeaderEdge> page, LongSupplier totalCount) {
        super(page, totalCount);
    }
}
