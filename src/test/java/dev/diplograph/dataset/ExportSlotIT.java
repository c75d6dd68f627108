package dev.diplograph.dataset;

import dev.diplograph.support.IntegrationEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ExportSlotTest} against the packaged service: the JVM jar, or the native executable under -Dnative. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class ExportSlotIT extends ExportSlotTest {
}
