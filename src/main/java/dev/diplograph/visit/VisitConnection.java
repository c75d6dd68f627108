package dev.diplograph.visit;

import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;

import dev.diplograph.pagination.Connection;
import dev.diplograph.pagination.Page;

/** A page of visits (Relay connection). */
@Description("A page of visits, newest first (by start date, then key).")
public class VisitConnection extends Connection<VisitEdge> {

    public VisitConnection(Page.Result<VisitEdge> page, LongSupplier totalCount) {
        super(page, totalCount);
    }
}
