package dev.diplograph.persistence;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Writes still pass the schema's CHECK constraints after the pool has closed every connection,
 * including the one Flyway created them with (H2 2.4.240 then failed every such write).
 */
@QuarkusTest
class H2CheckConstraintTest {

    @Inject
    Database database;

    @Test
    void checkConstraintsSurviveTheirCreatingSession() {
        Assumptions.assumeTrue(database.kind() == Database.Kind.H2);
        database.dataSource().flush(AgroalDataSource.FlushMode.ALL);
        GraphQL.asEditor("""
                mutation { upsertCountry(input: {code: "CK", name: "Checkland"}) { code }
                  upsertLeader(input: {slug: "ck-leader", name: "Ck Leader", country: "CK"}) { slug }
                  upsertSource(input: {key: "ck-source", outlet: "Ck Wire"}) { key }
                  upsertStatement(input: {key: "ck-quote", speaker: "ck-leader", text: "Checks hold.",
                    kind: DIRECT, source: "ck-source"}) { key kind } }""")
                .body("errors", nullValue())
                .body("data.upsertStatement.kind", equalTo("DIRECT"));
    }
}
