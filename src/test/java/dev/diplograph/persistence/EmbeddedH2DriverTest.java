package dev.diplograph.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import jakarta.inject.Inject;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The embedded datasource opens H2 through {@link EmbeddedH2Driver}, which explains a data file H2
 * cannot read and passes everything else through unchanged.
 */
@QuarkusTest
class EmbeddedH2DriverTest {

    @Inject
    Database database;

    @Test
    void theEmbeddedDatasourceUsesIt() {
        // the embedded datasource is inactive (and not injectable) while PostgreSQL serves
        assumeTrue(database.kind() == Database.Kind.H2, "embedded H2 runs only");
        assertEquals(EmbeddedH2Driver.class, database.dataSource().getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().connectionProviderClass());
    }

    @Test
    void itOpensH2() throws SQLException {
        try (Connection connection = new EmbeddedH2Driver().connect("jdbc:h2:mem:", new Properties());
                ResultSet result = connection.createStatement().executeQuery("SELECT H2VERSION()")) {
            result.next();
            assertEquals(org.h2.engine.Constants.VERSION, result.getString(1));
        }
    }

    @Test
    void anUnreadableFileIsExplained() {
        for (int code : new int[] { ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 }) {
            SQLException h2Said = new SQLException("File corrupted while reading record: \"type: 242\"", "90030", code);
            SQLException thrown = assertThrows(SQLException.class,
                    () -> new EmbeddedH2Driver(refusing(h2Said)).connect("jdbc:h2:file:/data/diplograph", new Properties()));
            assertSame(h2Said, thrown.getCause());
            assertEquals(code, thrown.getErrorCode());
            assertTrue(thrown.getMessage().contains("do not run H2's recovery tool"), thrown.getMessage());
            assertTrue(thrown.getMessage().contains(EmbeddedH2Driver.README_SECTION), thrown.getMessage());
            assertTrue(thrown.getMessage().endsWith("H2 said: " + h2Said.getMessage()), thrown.getMessage());
        }
    }

    @Test
    void otherFailuresPassUnchanged() {
        SQLException h2Said = new SQLException("Wrong user name or password", "28000", ErrorCode.WRONG_USER_OR_PASSWORD);
        SQLException thrown = assertThrows(SQLException.class,
                () -> new EmbeddedH2Driver(refusing(h2Said)).connect("jdbc:h2:file:/data/diplograph", new Properties()));
        assertSame(h2Said, thrown);
    }

    @Test
    void theReadmeHasTheSectionTheHintNames() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("**" + EmbeddedH2Driver.README_SECTION + ".**"), "README section");
    }

    /** A driver that refuses every connection with {@code failure}, as H2 does with a file it cannot read. */
    private static Driver refusing(SQLException failure) {
        return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("connect")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
