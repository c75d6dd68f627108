package dev.diplograph.dataset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Transactions;
import dev.diplograph.statement.QuoteTermIndexer;
import dev.diplograph.support.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Writers that race for the same records get the answer they would get one after the other, never an
 * internal error: an upsert whose new key another transaction inserts first updates that row, and a
 * deletion racing a write that refers to the record is a conflict, never a dangling reference. The
 * race is made certain: the other transaction holds its row uncommitted until the write or deletion
 * is seen waiting for it, then commits.
 */
@QuarkusTest
class ConcurrentWriteTest {

    @Inject
    Database database;

    @Inject
    Transactions transactions;

    @Inject
    MeterRegistry metrics;

    @Inject
    QuoteTermIndexer indexer;

    @Test
    void anUpsertThatLosesTheRaceForANewKeyUpdatesTheWinnersRow() throws Exception {
        double retriesBefore = retries();
        CompletableFuture<ValidatableResponse> upsert;
        try (Connection other = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO country (id, code, name) VALUES (?, 'QY', 'Inserted first')")) {
                insert.setLong(1, new IdAllocator(other, database.dialect()).next("country"));
                insert.executeUpdate();
            }
            upsert = CompletableFuture.supplyAsync(() -> GraphQL.asEditor(
                    "mutation { upsertCountry(input: {code: \"QY\", name: \"Upserted second\"}) { code name } }"));
            awaitStatementWaiting("INSERT INTO country ");
            other.commit();
        }
        upsert.get(30, TimeUnit.SECONDS)
                .body("errors", nullValue())
                .body("data.upsertCountry.code", equalTo("QY"))
                .body("data.upsertCountry.name", equalTo("Upserted second"));
        GraphQL.post("{ country(code: \"QY\") { name } }").body("data.country.name", equalTo("Upserted second"));
        assertTrue(retries() > retriesBefore, "the upsert was not run again");
    }

    @Test
    void onH2WritesAndTheTermIndexerRunOneAtATime() throws Exception {
        assumeTrue(database.kind() == Database.Kind.H2, "PostgreSQL runs writes side by side");
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = openWrite(finish);
        CompletableFuture<ValidatableResponse> mutation = CompletableFuture.supplyAsync(
                () -> GraphQL.asEditor("mutation { upsertCountry(input: {code: \"QW\", name: \"Waited\"}) { code } }"));
        CompletableFuture<Integer> indexing = CompletableFuture.supplyAsync(() -> {
            try {
                return indexer.drain();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaitingWrites(2); // the mutation and the indexer, behind the open write
        GraphQL.post("{ country(code: \"QW\") { name } }").body("errors", nullValue()).body("data.country", nullValue());
        finish.countDown();
        first.get(30, TimeUnit.SECONDS);
        mutation.get(30, TimeUnit.SECONDS).body("errors", nullValue()).body("data.upsertCountry.code", equalTo("QW"));
        indexing.get(30, TimeUnit.SECONDS);
        GraphQL.post("{ country(code: \"QW\") { name } }").body("data.country.name", equalTo("Waited"));
    }

    @Test
    void onH2AWriteThatWaitsLongerThanItsTurnAllowsIsRefusedAsBusyWithNothingWritten() throws Exception {
        assumeTrue(database.kind() == Database.Kind.H2, "PostgreSQL runs writes side by side");
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> holder = openWrite(finish);
        try {
            // diplograph.writes.wait-timeout is 5 s in tests
            GraphQL.asEditor("mutation { upsertCountry(input: {code: \"QB\", name: \"Busy\"}) { code } }")
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("SERVICE_BUSY"))
                    .body("errors[0].message", containsString("diplograph.writes.wait-timeout"));
            DatasetResourceTest.post("""
                    {"format": "visits-dataset/1", "countries": [{"code": "QD", "name": "Busy import"}]}
                    """)
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .body("code", equalTo("SERVICE_BUSY"));
        } finally {
            finish.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        GraphQL.post("{ a: country(code: \"QB\") { name } b: country(code: \"QD\") { name } }")
                .body("errors", nullValue())
                .body("data.a", nullValue())
                .body("data.b", nullValue());
        assertTrue(metrics.counter("diplograph_writes_refused_busy").count() >= 2, "the refusals were not counted");
    }

    /** Starts a write through the service's write path that stays open until {@code finish}; returns once it is open. */
    private CompletableFuture<Void> openWrite(CountDownLatch finish) throws InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> transactions.write(() -> {
            open.countDown();
            try {
                assertTrue(finish.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertTrue(open.await(30, TimeUnit.SECONDS));
        return write;
    }

    private void awaitWaitingWrites(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (metrics.get("diplograph.writes.waiting").gauge().value() < count) {
            if (System.nanoTime() > deadline) {
                fail("fewer than " + count + " writes waited for the open one");
            }
            Thread.sleep(10);
        }
    }

    private double retries() {
        return metrics.counter("diplograph_write_retries").count();
    }

    @Test
    void aDeletionRacingAWriteThatRefersToTheRecordIsAConflict() throws Exception {
        GraphQL.asEditor("mutation { upsertCountry(input: {code: \"QV\", name: \"Raced\"}) { code } }")
                .body("errors", nullValue());
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // A write through the service's own write path that refers to the country and stays open.
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> transactions.write(() -> {
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO leader (id, slug, name,"
                            + " country_id) SELECT ?, 'qv-leader', 'Raced Leader', id FROM country WHERE code = 'QV'")) {
                insert.setLong(1, new IdAllocator(connection, database.dialect()).next("leader"));
                insert.executeUpdate();
                inserted.countDown();
                assertTrue(commit.await(30, TimeUnit.SECONDS));
                return null;
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(inserted.await(30, TimeUnit.SECONDS));
        CompletableFuture<ValidatableResponse> delete = CompletableFuture.supplyAsync(
                () -> GraphQL.asEditor("mutation { deleteCountry(code: \"QV\") { deleted } }"));
        if (database.kind() == Database.Kind.POSTGRESQL) {
            awaitStatementWaiting("DELETE FROM country ");
        } else {
            Thread.sleep(1500); // H2: the deletion waits for the open write in the service itself
        }
        assertFalse(delete.isDone(), "the deletion did not wait for the write that refers to the country");
        commit.countDown();
        write.get(30, TimeUnit.SECONDS);
        delete.get(30, TimeUnit.SECONDS)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("CONFLICT"))
                .body("errors[0].message", containsString("leader"));
        GraphQL.post("{ leader(slug: \"qv-leader\") { country { code } } }")
                .body("errors", nullValue())
                .body("data.leader.country.code", equalTo("QV"));
    }

    /**
     * Polls the database's view of its sessions until another one is running a statement that starts
     * with {@code prefix} (H2 lists the statement a session executes; PostgreSQL also says it waits
     * for a lock).
     */
    private void awaitStatementWaiting(String prefix) throws SQLException, InterruptedException {
        String waiting = database.kind() == Database.Kind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?"
                        + " AND datname = current_database()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watcher = database.dataSource().getConnection();
                PreparedStatement query = watcher.prepareStatement(waiting)) {
            query.setString(1, prefix + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("no statement starting with \"" + prefix + "\" waited for the other transaction");
    }
}
