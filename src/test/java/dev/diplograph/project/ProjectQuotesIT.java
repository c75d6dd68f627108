package dev.diplograph.project;

import dev.diplograph.support.IntegrationEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProjectQuotesTest} against the packaged service: the JVM jar, or the native executable under -Dnative. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class ProjectQuotesIT extends ProjectQuotesTest {
}
