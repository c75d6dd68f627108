package dev.diplograph.playground;

import org.junit.jupiter.api.BeforeEach;

import dev.diplograph.support.IntegrationEnvironment;
import dev.diplograph.support.IntegrationFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PlaygroundStarterTest} against the packaged service: the starter query is a resource the native image must carry. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class PlaygroundStarterIT extends PlaygroundStarterTest {

    @BeforeEach
    void fixture() throws Exception {
        IntegrationFixtures.ensureLoaded();
    }
}
