package dev.diplograph.statement;

import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;

import dev.diplograph.pagination.Connection;
import dev.diplograph.pagination.Page;

/** A page of statements (Relay connection). */
@Description("A page of statements, in the order they were recorded.")
public class StatementConnection extends Connection<StatementEdge> {

    public StatementConnection(Page.Result<StatementEdge> page, LongSupplier totalCount) {
        super(page, totalCount);
    }
}
