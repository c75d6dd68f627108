package dev.diplograph.graphql;

import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.QueryCache;

/**
 * The engine the service runs has one lean instrumentation chain (ours first, then SmallRye's query
 * cache; the service enforces its depth and complexity limits itself), so graphql-java does not ask
 * them for per-field hooks on every field.
 */
@QuarkusTest
class EngineCustomizerTest {

    @Test
    void theEngineRunsOneLeanChain() throws ReflectiveOperationException {
        GraphQL.post("{ sectors { slug } }").body("errors", nullValue()).body("data.sectors", notNullValue());
        ExecutionService service = ClientProxy.unwrap(Arc.container().instance(ExecutionService.class).get());
        Field engine = ExecutionService.class.getDeclaredField("graphQL"); // built on the first request
        engine.setAccessible(true);
        Instrumentation instrumentation = ((graphql.GraphQL) engine.get(service)).getInstrumentation();
        LeanChain chain = assertInstanceOf(LeanChain.class, instrumentation);
        assertEquals(List.of(RequestGuard.class, QueryCache.class),
                chain.getInstrumentations().stream().map(Object::getClass).toList());
    }
}
