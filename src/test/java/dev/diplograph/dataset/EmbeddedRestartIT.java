package dev.diplograph.dataset;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.PackagedService;

/** The embedded default as a new user meets it: the first start seeds the H2 file, a restart keeps what is there. */
class EmbeddedRestartIT {

    static final String TRAVERSAL = """
            { leader(slug: "lee-jae-myung") { name visits { startDate hostCountry { name }
                sectors { status sector { name } quotes { text kind source { outlet } } } } } }""";

    @TempDir
    Path dataDir;

    @Test
    void firstStartSeedsTheFileDatabaseAndARestartKeepsTheData() throws Exception {
        PackagedService.assumeEmbeddedDefault();
        String firstLog;
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("first.log"), Map.of())
                .asRestAssuredTarget()) {
            traversalWorks();
            firstLog = service.log();
        }
        assertTrue(firstLog.contains("Loaded seed dataset"), "first start seeds the database");
        assertTrue(Files.exists(dataDir.resolve("diplograph.mv.db")), "data lives in an H2 file in the data dir");

        // Change the file while the service is down; the restart must serve it and not seed again.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("diplograph"),
                "diplograph", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO country (id, code, name) VALUES (NEXT VALUE FOR country_seq, 'QX', 'Restartland')");
        }
        try (PackagedService service = PackagedService.start(dataDir, dataDir.resolve("second.log"), Map.of())
                .asRestAssuredTarget()) {
            traversalWorks();
            GraphQL.post("{ country(code: \"QX\") { name } }").body("data.country.name", equalTo("Restartland"));
            assertFalse(service.log().contains("Loaded seed dataset"), "a restart does not seed again");
            assertTrue(service.log().contains("already holds data"));
        }
    }

    static void traversalWorks() {
        GraphQL.post(TRAVERSAL)
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"))
                .body("data.leader.visits[0].hostCountry.name", equalTo("Türkiye"))
                .body("data.leader.visits[0].sectors", hasSize(11));
    }
}
