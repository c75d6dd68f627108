package dev.diplograph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Records;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the default dataset on the first start, so a fresh service answers real queries at once.
 * The seed goes through the same schema and reference checks as any imported document.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    /** Key of the PostgreSQL advisory lock that lets one replica at a time check and seed. */
    static final long SEED_LOCK = 0x6469706c6f677270L;

    /**
     * 1 when any table the seed would fill first holds a row, else 0: one statement, in SQL that needs no
     * HQL translation at start-up. The garbage of translating four HQL counts put the native executable's
     * first garbage collection (16 ms) inside its first answer (docs/benchmarks.md, "The first answer").
     */
    private static final String HOLDS_DATA = """
            SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM country) OR EXISTS (SELECT 1 FROM sector)
                OR EXISTS (SELECT 1 FROM leader) OR EXISTS (SELECT 1 FROM source) THEN 1 ELSE 0 END AS BIGINT)""";

    private final DiplographConfig config;
    private final DatasetService datasets;
    private final Database database;

    public SeedLoader(DiplographConfig config, DatasetService datasets, Database database) {
        this.config = config;
        this.datasets = datasets;
        this.database = database;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            seedIfEmpty();
        }
    }

    /** Imports the seed resource when the database holds no records; returns whether it did. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "diplograph.datasets.import-timeout-seconds")
    public boolean seedIfEmpty() {
        if (database.kind() == Database.Kind.POSTGRESQL) {
            // Replicas starting together: the first seeds, the others wait here and then find data.
            database.session().createNativeQuery("SELECT pg_advisory_xact_lock(:key)", Object.class)
                    .setParameter("key", SEED_LOCK).getSingleResult();
        }
        if (Records.nativeCount(HOLDS_DATA, Map.of()) > 0) {
            LOG.info("Database already holds data; seed dataset not loaded");
            return false;
        }
        String resource = config.seed().resource();
        Path copy = null;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed dataset resource not found on the classpath: " + resource);
            }
            copy = Files.createTempFile("diplograph-seed", ".json");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            ImportReport report = datasets.importFileInCurrentTransaction(copy);
            LOG.infof("Loaded seed dataset %s into the empty database: %s", resource, report.records());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed dataset " + resource, e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }
}
