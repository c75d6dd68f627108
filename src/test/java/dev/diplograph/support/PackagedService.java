package dev.diplograph.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.restassured.RestAssured;

/**
 * The packaged service (the JVM jar, or the native executable under -Dnative) started as its own
 * process on a data directory, the way a user runs it; for the *IT tests.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;
    private boolean restAssuredTarget;

    /**
     * HTTP/1.1 only, and a deadline on every request: the JDK client's default first tries an h2c
     * upgrade, and one /q/metrics scrape of IndexerShutdownIT once waited on a response for good.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips the calling test unless this run is on the embedded H2 default rather than PostgreSQL. */
    public static void assumeEmbeddedDefault() {
        Assumptions.assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null,
                "about the embedded H2 file; this run uses PostgreSQL");
    }

    /** Starts the service on {@code dataDir} with extra environment variables and waits until it is ready. */
    public static PackagedService start(Path dataDir, Path log, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        Path artifact = builtArtifact();
        if (artifact.toString().endsWith(".jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
        }
        command.add(artifact.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DIPLOGRAPH_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        PackagedService service = new PackagedService(builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    /**
     * What this build packaged, as {@code @QuarkusIntegrationTest} decides it: the jar, or the native
     * executable under -Dnative (a runner left in target/ by an earlier native build is not it).
     */
    static Path builtArtifact() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Properties built = new Properties();
        try (Reader in = Files.newBufferedReader(target.resolve("quarkus-artifact.properties"))) {
            built.load(in);
        }
        String type = built.getProperty("type", "");
        Path path = target.resolve(built.getProperty("path", ""));
        assertTrue(Files.isRegularFile(path) && (type.equals("jar") || type.equals("native")),
                () -> "quarkus-artifact.properties names no packaged jar or native executable: " + built);
        return path;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), () -> "service exited early:\n" + log());
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))));
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("service not ready within 60 s:\n" + log());
    }

    /** Points rest-assured's default port at this service until it is closed. */
    public PackagedService asRestAssuredTarget() {
        RestAssured.port = port;
        restAssuredTarget = true;
        return this;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Sends a request to the service over HTTP/1.1, giving up after 15 seconds without an answer. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The value of a Prometheus sample of /q/metrics whose line starts with {@code name}; empty when
     * absent, not a number, or when the scrape got no answer in time (callers read again).
     */
    public OptionalDouble metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))));
        } catch (HttpTimeoutException e) {
            return OptionalDouble.empty();
        }
        return response.body().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(value -> !Double.isNaN(value)).findFirst();
    }

    /** What the service printed so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stops the service as Kubernetes does (SIGTERM) and returns its exit code, or -1 when it was
     * still running after {@code patience} and had to be killed.
     */
    public int stop(Duration patience) throws InterruptedException {
        if (restAssuredTarget) {
            RestAssured.reset();
            restAssuredTarget = false;
        }
        process.destroy();
        if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor();
        return -1;
    }

    /**
     * Stops the service with SIGTERM and asserts that it exited within a minute, without waiting out
     * quarkus.shutdown.timeout for {@code unfinished} (what a leak would leave open), and said so.
     */
    public void assertStopsGracefully(String unfinished) throws InterruptedException {
        int exit = stop(Duration.ofSeconds(60));
        assertNotEquals(-1, exit, () -> "still running a minute after SIGTERM:\n" + log());
        String printed = log();
        assertFalse(printed.contains("Timed out waiting for graceful shutdown"),
                () -> "the shutdown waited out quarkus.shutdown.timeout for " + unfinished + ":\n" + printed);
        assertTrue(printed.contains("stopped in"), printed);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() || restAssuredTarget) {
            stop(Duration.ofSeconds(30));
        }
    }
}
