package dev.diplograph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks {@link RequestGuard} into the graphql-java engine that SmallRye GraphQL builds, keeping
 * SmallRye's own instrumentation (query cache, depth and complexity limits) in the chain.
 * Registered through {@code META-INF/services}, which Quarkus also honours in native images.
 */
public class EngineCustomizer implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = builder.build().getInstrumentation();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new RequestGuard());
        // One flat chain: every field of every request passes through each link's hooks.
        if (existing instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else {
            chain.add(existing);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
