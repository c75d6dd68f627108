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

    /**
     * Above application.properties (250) and above the runtime values Quarkus records while it builds
     * the application (when no URL is set, so they would deactivate PostgreSQL for good), below
     * environment variables (300), so an operator can still set any of these keys explicitly.
     */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        boolean external = url != null && url.getValue() != null && !url.getValue().isBlank();
        String postgres = String.valueOf(external);
        String embedded = String.valueOf(!external);
        Map<String, String> settings = Map.of(
                "quarkus.datasource.active", postgres,
                "quarkus.hibernate-orm.active", postgres,
                "quarkus.flyway.active", postgres,
                "quarkus.datasource." + Database.EMBEDDED + ".active", embedded,
                "quarkus.hibernate-orm." + Database.EMBEDDED + ".active", embedded,
                "quarkus.flyway." + Database.EMBEDDED + ".active", embedded);
        return List.of(new PropertiesConfigSource(settings, "diplograph-database-selection", ORDINAL));
    }
}
