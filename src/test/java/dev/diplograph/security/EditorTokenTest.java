package dev.diplograph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.diplograph.config.DiplographConfig;

/** The embedded default's static token: taken from the environment, or generated once, owner-only. */
class EditorTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedOnceIntoAnOwnerOnlyFileAndReused() throws Exception {
        EditorToken first = new EditorToken(config(Optional.empty()));
        Path file = dataDir.resolve("editor-token");
        assertTrue(Files.exists(file));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String token = Files.readString(file).strip();
        assertTrue(token.length() >= 40, "at least 256 bits of randomness");
        assertTrue(first.matches(token));
        assertFalse(first.matches(token + "x"));
        assertFalse(first.matches(""));
        EditorToken second = new EditorToken(config(Optional.empty()));
        assertTrue(second.matches(token), "a restart reuses the stored token");
    }

    @Test
    void theEnvironmentWins() {
        EditorToken token = new EditorToken(config(Optional.of("from-env")));
        assertTrue(token.matches("from-env"));
        assertFalse(Files.exists(dataDir.resolve("editor-token")));
    }

    DiplographConfig config(Optional<String> value) {
        return new DiplographConfig() {
            @Override
            public String dataDir() {
                return dataDir.toString();
            }

            @Override
            public EditorTokenConfig editorToken() {
                return new EditorTokenConfig() {
                    @Override
                    public boolean enabled() {
                        return true;
                    }

                    @Override
                    public Optional<String> value() {
                        return value;
                    }
                };
            }

            @Override
            public Datasets datasets() {
                return null;
            }

            @Override
            public Writes writes() {
                return null;
            }

            @Override
            public GraphQL graphql() {
                return null;
            }

            @Override
            public Search search() {
                return null;
            }

            @Override
            public Live live() {
                return null;
            }

            @Override
            public Seed seed() {
                return null;
            }
        };
    }
}
