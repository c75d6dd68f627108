package dev.diplograph.live;

import dev.diplograph.support.IntegrationEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SubscriptionTest} against the packaged service: the JVM jar, or the native executable under -Dnative. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationEnvironment.class)
class SubscriptionIT extends SubscriptionTest {
}
