package dev.diplograph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures the packaged service (JVM jar or native executable) that the *IT twins of the API tests
 * call: a fresh data directory, the test editor token and the test JWT key. The generated fixture of
 * the @QuarkusTest suite is then posted through the import endpoint ({@link IntegrationFixtures}).
 */
public class IntegrationEnvironment implements QuarkusTestResourceLifecycleManager {

    private Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("diplograph-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "diplograph.data-dir", dataDir.toString(),
                "diplograph.editor-token.value", GraphQL.EDITOR_TOKEN,
                "diplograph.datasets.max-body-size", "4M",
                "mp.jwt.verify.publickey.location", Path.of("src/test/resources/publicKey.pem").toUri().toString(),
                "mp.jwt.verify.issuer", "https://diplograph.test",
                "quarkus.shutdown.delay", "0s",
                // A worker busy for over 10 s is logged with its stack in target/quarkus.log (.ci/run prints it).
                "quarkus.vertx.max-worker-execute-time", "10s");
    }

    @Override
    public void stop() {
        // the temporary directory is left for inspection; it lives under java.io.tmpdir
    }
}
