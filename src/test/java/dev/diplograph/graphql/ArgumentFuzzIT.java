package dev.diplograph.graphql;

import dev.diplograph.support.IntegrationEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ArgumentFuzzTest} against the packaged service: the JVM jar, or the native executable under -Dnative. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class ArgumentFuzzIT extends ArgumentFuzzTest {
}
