package dev.diplograph.pagination;

import org.junit.jupiter.api.BeforeEach;

import dev.diplograph.support.IntegrationEnvironment;
import dev.diplograph.support.IntegrationFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CountCacheTest} against the packaged service: the JVM jar, or the native executable under -Dnative. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class CountCacheIT extends CountCacheTest {

    @BeforeEach
    void fixtures() throws Exception {
        IntegrationFixtures.ensureLoaded();
    }
}
