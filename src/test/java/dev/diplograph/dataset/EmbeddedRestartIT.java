package dev.diplograph.dataset;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.support.GraphQL;
import io.restassured.RestAssured;

/**
 * Starts the packaged service (JVM jar, or the native executable under -Dnative) on its embedded
 * default, as a new user would: the first start seeds the H2 file, a restart keeps what is there.
 */
class EmbeddedRestartIT {

    static final String TRAVERSAL = """
            { leader(slug: "lee-jae-myung") { name visits { startDate hostCountry { name }
                sectors { status sector { name } quotes { text kind source { outlet } } } } } }""";

    @TempDir
    Path dataDir;

    @Test
    void firstStartSeedsTheFileDatabaseAndARestartKeepsTheData() throws Exception {
        int port = freePort();
        Path log1 = dataDir.resolve("first.log");
        Process first = start(port, log1);
        try {
            awaitReady(port, first, log1);
            traversalWorks(port);
        } finally {
            stop(first);
        }
        assertTrue(Files.readString(log1).contains("Loaded seed dataset"), "first start seeds the database");
        assertTrue(Files.exists(dataDir.resolve("diplograph.mv.db")), "data lives in an H2 file in the data dir");

        // Change the file while the service is down; the restart must serve it and not re-seed.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("diplograph"),
                "diplograph", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO country (id, code, name) VALUES (NEXT VALUE FOR country_seq, 'QX', 'Restartland')");
        }

        Path log2 = dataDir.resolve("second.log");
        Process second = start(port, log2);
        try {
            awaitReady(port, second, log2);
            traversalWorks(port);
            RestAssured.port = port;
            GraphQL.post("{ country(code: \"QX\") { name } }").body("data.country.name", equalTo("Restartland"));
        } finally {
            stop(second);
            RestAssured.reset();
        }
        String secondLog = Files.readString(log2);
        assertFalse(secondLog.contains("Loaded seed dataset"), "a restart does not seed again");
        assertTrue(secondLog.contains("already holds data"));
    }

    static void traversalWorks(int port) {
        RestAssured.port = port;
        GraphQL.post(TRAVERSAL, Map.of())
                .body("errors", nullValue())
                .body("data.leader.name", equalTo("Lee Jae Myung"))
                .body("data.leader.visits[0].hostCountry.name", equalTo("Türkiye"))
                .body("data.leader.visits[0].sectors", hasSize(11));
    }

    Process start(int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            command.add(nativeImage);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DIPLOGRAPH_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return builder.start();
    }

    static void awaitReady(int port, Process process, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), () -> "service exited early:\n" + read(log));
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("service not ready within 60 s:\n" + read(log));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        assertEquals(false, process.isAlive());
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
