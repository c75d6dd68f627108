package dev.diplograph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import io.quarkus.runtime.Startup;

/**
 * The static editor token of the embedded default: taken from {@code DIPLOGRAPH_EDITOR_TOKEN}, or
 * generated once into {@code <data dir>/editor-token} (owner-only). The token itself is never logged.
 */
@Startup
@ApplicationScoped
public class EditorToken {

    private static final Logger LOG = Logger.getLogger(EditorToken.class);
    static final String FILE_NAME = "editor-token";

    private final byte[] token;

    public EditorToken(DiplographConfig config) {
        this.token = resolve(config).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    private static Optional<String> resolve(DiplographConfig config) {
        if (!config.editorToken().enabled()) {
            LOG.info("Static editor token disabled; writes need a JWT with the editor role");
            return Optional.empty();
        }
        Optional<String> configured = config.editorToken().value().map(String::strip).filter(t -> !t.isEmpty());
        if (configured.isPresent()) {
            LOG.info("Static editor token taken from DIPLOGRAPH_EDITOR_TOKEN");
            return configured;
        }
        Path file = Path.of(config.dataDir()).resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
                LOG.infof("Generated a static editor token in %s (readable by its owner only)", file.toAbsolutePath().normalize());
            } else {
                LOG.infof("Static editor token read from %s", file.toAbsolutePath().normalize());
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException("The editor token file " + file + " is empty; delete it to get a new token");
            }
            return Optional.of(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the editor token file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }

    /** Whether {@code candidate} is the editor token; compares in constant time. */
    public boolean matches(String candidate) {
        if (token == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
