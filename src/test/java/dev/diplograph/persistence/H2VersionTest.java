package dev.diplograph.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The H2 driver on the class path is the version the configuration declares to Quarkus, so the pin
 * in the pom (chosen for crash safety, see bench/h2-crash/big-commit.sh) and the dialect agree.
 */
class H2VersionTest {

    @Test
    void theDriverIsTheDeclaredEmbeddedDatabaseVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            assertNotNull(in, "application.properties");
            properties.load(in);
        }
        assertEquals(properties.getProperty("quarkus.datasource.embedded.db-version"), org.h2.engine.Constants.VERSION);
    }
}
