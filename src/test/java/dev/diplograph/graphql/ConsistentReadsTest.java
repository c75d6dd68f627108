package dev.diplograph.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.diplograph.persistence.Database;
import dev.diplograph.support.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A query's answer comes from one state of the data: a write committed between two of its levels
 * makes it run again instead of answering with the visit before the write and its areas after.
 */
@QuarkusTest
class ConsistentReadsTest {

    static final String KEY = "consistent-read-probe";
    static final String QUERY = """
            { visit(key: "consistent-read-probe") { summary sectors { summary } } }""";

    @Inject
    Database database;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void probeVisitAndTrigger() throws SQLException {
        // The trigger is an H2 feature; on PostgreSQL the same retry runs, but nothing here can time a write.
        assumeTrue(database.kind() == Database.Kind.H2);
        // Records of its own, dated long ago, so that no other test's lists and counts see them.
        GraphQL.asEditor("""
                mutation($summary: String!) {
                  upsertCountry(input: {code: "XC", name: "Consistencia"}) { code }
                  upsertLeader(input: {slug: "consistent-read-leader", name: "Probe Leader", country: "XC"}) { slug }
                  a: upsertSector(input: {slug: "consistent-read-a", name: "Probe sector A"}) { slug }
                  b: upsertSector(input: {slug: "consistent-read-b", name: "Probe sector B"}) { slug }
                  upsertVisit(input: {key: "consistent-read-probe", leader: "consistent-read-leader", hostCountry: "XC",
                    startDate: "1901-03-01", summary: $summary, sectors: [
                      {sector: "consistent-read-a", summary: $summary}, {sector: "consistent-read-b", summary: $summary}]}) { key } }""",
                Map.of("summary", "before")).body("errors", nullValue());
        execute("CREATE TRIGGER IF NOT EXISTS consistent_read_probe BEFORE SELECT ON cooperation_area CALL '"
                + CommitBetweenLevels.class.getName() + "'");
    }

    @AfterEach
    void dropTriggerAndProbe() throws SQLException {
        CommitBetweenLevels.disarm();
        if (database.kind() != Database.Kind.H2) {
            return;
        }
        execute("DROP TRIGGER IF EXISTS consistent_read_probe");
        GraphQL.asEditor("""
                mutation { deleteVisit(key: "consistent-read-probe", cascade: true) { deleted }
                  deleteLeader(slug: "consistent-read-leader", cascade: true) { deleted }
                  deleteCountry(code: "XC", cascade: true) { deleted }
                  a: deleteSector(slug: "consistent-read-a", cascade: true) { deleted }
                  b: deleteSector(slug: "consistent-read-b", cascade: true) { deleted } }""")
                .body("errors", nullValue());
    }

    @Test
    void aWriteBetweenTwoLevelsMakesTheQueryRunAgain() {
        double reruns = reruns();
        arm("after");
        GraphQL.post(QUERY).body("errors", nullValue())
                .body("data.visit.summary", equalTo("after"))
                .body("data.visit.sectors", hasSize(2))
                .body("data.visit.sectors.summary", everyItem(equalTo("after")));
        assertFalse(CommitBetweenLevels.armed(), "the write did not happen between the levels");
        assertEquals(reruns + 1, reruns(), "the query ran again once");
    }

    @Test
    void aGetAnswerReadAgainIsNotCachedUnderTheEarlierETag() {
        arm("after a GET");
        given().queryParam("query", QUERY).when().get("/graphql").then().log().ifValidationFails()
                .statusCode(200).body("errors", nullValue())
                .body("data.visit.summary", equalTo("after a GET"))
                .body("data.visit.sectors.summary", everyItem(equalTo("after a GET")))
                .header("Cache-Control", "no-store");
        assertFalse(CommitBetweenLevels.armed(), "the write did not happen between the levels");
        // With no write in between, the same GET is cacheable again.
        given().queryParam("query", QUERY).when().get("/graphql").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60")).header("ETag", notNullValue());
    }

    private void arm(String summary) {
        CommitBetweenLevels.arm(database.dataSource(), KEY, summary);
    }

    private double reruns() {
        return metrics.get("diplograph_query_reruns").counter().count();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
