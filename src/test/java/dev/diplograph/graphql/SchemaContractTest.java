package dev.diplograph.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema is a public API that mobile apps ship against: it must equal the committed
 * {@code docs/schema.graphql}, so every change to it shows up in review. After a deliberate change,
 * regenerate the file with {@code ./mvnw test -Dtest=SchemaContractTest -DupdateSchema=true}.
 */
@QuarkusTest
class SchemaContractTest {

    static final Path COMMITTED = Path.of("docs", "schema.graphql");

    @Test
    void servedSchemaEqualsTheCommittedOne() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("updateSchema")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "The served schema differs from docs/schema.graphql. If the change is deliberate, run "
                        + "./mvnw test -Dtest=SchemaContractTest -DupdateSchema=true and commit the file.");
    }
}
