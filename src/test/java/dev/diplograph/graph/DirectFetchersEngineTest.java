package dev.diplograph.graph;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;

import dev.diplograph.graphql.RequestGuard;
import dev.diplograph.support.GraphQL;
import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionContextBuilder;
import graphql.execution.ExecutionId;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionService;

/**
 * The column fetchers stay light in the running engine: graphql-java builds no environment for their
 * calls (3,000 per traversal) unless an instrumentation wraps them. Reads the engine in-process, so it
 * has no {@code …IT} twin.
 */
@QuarkusTest
class DirectFetchersEngineTest {

    @Test
    void columnsStayLightThroughTheExecutionTimeout() throws ReflectiveOperationException {
        GraphQL.post("{ sectors { slug } }").body("errors", nullValue()); // the engine is built on the first request
        ExecutionService service = ClientProxy.unwrap(Arc.container().instance(ExecutionService.class).get());
        Field engine = ExecutionService.class.getDeclaredField("graphQL");
        engine.setAccessible(true);
        GraphQLSchema schema = ((graphql.GraphQL) engine.get(service)).getGraphQLSchema();
        RequestGuard guard = new RequestGuard();
        InstrumentationState started = guard.createState(null);
        ExecutionContext query = ExecutionContextBuilder.newExecutionContextBuilder().executionId(ExecutionId.generate())
                .graphQLSchema(schema).operationDefinition(OperationDefinition.newOperationDefinition()
                        .operation(OperationDefinition.Operation.QUERY).build())
                .build();
        int columns = 0;
        for (DirectFetchers<Object> fetchers : DirectFetchersColumnsTest.registered()) {
            for (String field : fetchers.columns().keySet()) {
                String where = fetchers.type() + "." + field;
                DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(
                        FieldCoordinates.coordinates(fetchers.type(), field),
                        schema.getObjectType(fetchers.type()).getFieldDefinition(field));
                assertInstanceOf(LightDataFetcher.class, fetcher, where);
                // graphql-java tells instrumentations whether a fetcher is trivial (a light one is); wrapped
                // by the timeout, a column would get an environment built for each of its calls.
                DataFetcher<?> instrumented = guard.instrumentDataFetcher(fetcher,
                        new InstrumentationFieldFetchParameters(query, null, null, fetcher instanceof TrivialDataFetcher),
                        started);
                assertSame(fetcher, instrumented, where + " is wrapped by the execution timeout");
                columns++;
            }
        }
        assertTrue(columns > 20, "columns checked: " + columns);
    }
}
