package dev.diplograph.dataset;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Writers that race for the same records: an upsert whose new key another transaction inserts first
 * still succeeds: it updates the row, and never answers with an internal error. The race is made
 * certain: the other transaction holds its row uncommitted until the upsert is seen inserting the
 * same key, then commits.
 */
@QuarkusTest
class ConcurrentWriteTest {

    @Inject
    Database database;

    @Test
    void anUpsertThatLosesTheRaceForANewKeyUpdatesTheWinnersRow() throws Exception {
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
            awaitInsertWaiting("country");
            other.commit();
        }
        upsert.get(30, TimeUnit.SECONDS)
                .body("errors", nullValue())
                .body("data.upsertCountry.code", equalTo("QY"))
                .body("data.upsertCountry.name", equalTo("Upserted second"));
        GraphQL.post("{ country(code: \"QY\") { name } }").body("data.country.name", equalTo("Upserted second"));
    }

    /**
     * Polls the database's view of its sessions until another one is inserting into {@code table}
     * (H2 lists the statement a session executes; PostgreSQL also says it waits for a lock).
     */
    private void awaitInsertWaiting(String table) throws SQLException, InterruptedException {
        String waiting = database.kind() == Database.Kind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?"
                        + " AND datname = current_database()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watcher = database.dataSource().getConnection();
                PreparedStatement query = watcher.prepareStatement(waiting)) {
            query.setString(1, "INSERT INTO " + table + " %");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("no insert into " + table + " waited for the other transaction");
    }
}
