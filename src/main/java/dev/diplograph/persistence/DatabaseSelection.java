package dev.diplograph.persistence;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Chooses the database at startup from the standard datasource settings: when
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (the default, PostgreSQL datasource) is set, the embedded H2
 * datasource, its persistence unit and its migrations are switched off; otherwise those of the
 * default one are.
 */
public class DatabaseSelection implements ConfigSourceFactory {

    /** Below application.properties (250), so an explicit setting there or in the environment wins. */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        boolean external = url != null && url.getValue() != null && !url.getValue().isBlank();
        Map<String, String> settings = external
                ? Map.of("quarkus.datasource." + Database.EMBEDDED + ".active", "false",
                        "quarkus.hibernate-orm." + Database.EMBEDDED + ".active", "false",
                        "quarkus.flyway." + Database.EMBEDDED + ".active", "false")
                : Map.of("quarkus.datasource.active", "false",
                        "quarkus.hibernate-orm.active", "false",
                        "quarkus.flyway.active", "false");
        return List.of(new PropertiesConfigSource(settings, "diplograph-database-selection", ORDINAL));
    }
}
