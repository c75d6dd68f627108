package dev.diplograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed access to the service's own settings, everything under the {@code diplograph.} prefix. */
@ConfigMapping(prefix = "diplograph")
public interface DiplographConfig {

    /** Directory of the embedded H2 database file (also used by later features for local state). */
    @WithDefault("./data")
    String dataDir();

    /** How the default dataset is loaded into an empty database. */
    Seed seed();

    /** Settings of the seed loader. */
    interface Seed {
        /** Load the seed dataset when the database holds no records at all. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath resource in visits-dataset/1 format. */
        @WithDefault("dataset/default-dataset.json")
        String resource();
    }
}
