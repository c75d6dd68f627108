package dev.diplograph.dataset;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.PackagedService;

/** Export, import into an empty database, export again: the two documents are the same bytes. */
class DatasetRoundTripIT {

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void exportImportExportIsByteForByteStable() throws Exception {
        String exported;
        try (PackagedService service = PackagedService.start(first, first.resolve("service.log"), Map.of())
                .asRestAssuredTarget()) {
            exported = given().when().get("/api/datasets").then().statusCode(200).extract().asString();
        }
        assertTrue(exported.contains("\"lee-jae-myung\""));
        try (PackagedService service = PackagedService.start(second, second.resolve("service.log"),
                Map.of("DIPLOGRAPH_SEED_ENABLED", "false", "DIPLOGRAPH_EDITOR_TOKEN", "round-trip"))
                .asRestAssuredTarget()) {
            given().header("Authorization", "Bearer round-trip").contentType("application/json").body(exported)
                    .when().post("/api/datasets").then().statusCode(200);
            String again = given().when().get("/api/datasets").then().statusCode(200).extract().asString();
            assertEquals(exported, again);
        }
    }
}
