package dev.diplograph.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.UUID;

import org.jboss.logging.Logger;

/** Names the running build, so that cached answers of an earlier build are not taken for this one's. */
public final class Build {

    private static final Logger LOG = Logger.getLogger(Build.class);

    /** The classpath resource the build writes (Maven resource filtering). */
    static final String RESOURCE = "diplograph-build.properties";

    private static final String ID = load();

    private Build() {
    }

    /**
     * The build's identifier: the project version and the build's time. Every replica of one image
     * shares it. Without the resource (a build that skipped filtering) each start gets a random one,
     * which costs caches a refetch but never serves an old build's answer.
     */
    public static String id() {
        return ID;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = Build.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = properties.getProperty("build.id", "");
        if (id.isBlank() || id.contains("${")) {
            String random = "start-" + UUID.randomUUID();
            LOG.warnf("%s holds no build id; ETags name this process instead (%s)", RESOURCE, random);
            return random;
        }
        return id;
    }
}
