package dev.diplograph.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.diplograph.graph.Batches;
import dev.diplograph.leader.Leader;
import dev.diplograph.support.InRequest;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Loading by ids or by natural key returns exactly the rows that exist, and, outside a transaction as
 * GraphQL reads run, gives its connection back to the pool at once, as a query does (a read request
 * holding one connection per load exhausted the pool).
 */
@QuarkusTest
class RecordsTest {

    @Inject
    Database database;

    @Test
    void byIdsLoadsTheExistingRowsAndHandsTheConnectionBack() throws Exception {
        InRequest.run(() -> {
            Leader leader = Leader.findBySlug(TestFixtures.LEADER).orElseThrow();
            long missing = Long.MAX_VALUE;
            List<Leader> found = Records.byIds(Leader.class, List.of(leader.id, missing));
            assertEquals(Set.of(leader.id), found.stream().map(l -> l.id).collect(Collectors.toSet()));

            SharedSessionContractImplementor session = database.session().unwrap(SharedSessionContractImplementor.class);
            assertFalse(session.isTransactionInProgress());
            assertFalse(session.getJdbcCoordinator().getLogicalConnection().isPhysicallyConnected(),
                    "the multi-id load kept its connection");
            assertTrue(Records.byIds(Leader.class, List.of(missing)).isEmpty());

            // A chunk of the size Batches.load hands over is still one statement.
            List<Long> many = LongStream.range(0, Batches.MAX_IDS_PER_STATEMENT).map(i -> leader.id + i).boxed().toList();
            Statistics statistics = database.sessionFactory().getStatistics();
            statistics.clear();
            assertTrue(Records.byIds(Leader.class, many).stream().anyMatch(l -> l.id.equals(leader.id)));
            assertEquals(1, statistics.getPrepareStatementCount());
        });
    }

    @Test
    void byNaturalIdFindsTheKeyWithOneStatementAndHandsTheConnectionBack() throws Exception {
        InRequest.run(() -> {
            Statistics statistics = database.sessionFactory().getStatistics();
            statistics.clear();
            Leader leader = Records.byNaturalId(Leader.class, TestFixtures.LEADER).orElseThrow();
            assertEquals(TestFixtures.LEADER, leader.slug);
            assertEquals(1, statistics.getPrepareStatementCount(), "the entity in one statement");

            SharedSessionContractImplementor session = database.session().unwrap(SharedSessionContractImplementor.class);
            assertFalse(session.isTransactionInProgress());
            assertFalse(session.getJdbcCoordinator().getLogicalConnection().isPhysicallyConnected(),
                    "the natural-id load kept its connection");

            statistics.clear();
            assertEquals(leader, Records.byNaturalId(Leader.class, TestFixtures.LEADER).orElseThrow());
            assertEquals(0, statistics.getPrepareStatementCount(), "a key resolved in the session is not read again");
            assertTrue(Records.byNaturalId(Leader.class, "no-such-leader").isEmpty());
        });
    }
}
