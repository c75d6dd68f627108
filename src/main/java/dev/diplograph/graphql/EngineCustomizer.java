package dev.diplograph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;

import dev.diplograph.graph.CodeRegistries;
import dev.diplograph.graph.LoaderPerArguments;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * Hooks {@link RequestGuard} into the graphql-java engine that SmallRye GraphQL builds, keeping
 * SmallRye's own instrumentation (query cache, depth and complexity limits) in the chain, gives each
 * argument set of a batched field its own data loader ({@link LoaderPerArguments}), and drops the
 * no-op field block list SmallRye makes of the default field visibility.
 * Registered through {@code META-INF/services}, which Quarkus also honours in native images.
 */
public class EngineCustomizer implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQL built = builder.build();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new RequestGuard());
        // One flat chain that skips the per-field hooks no link implements (graphql-java's own chain
        // asks every link on every field).
        if (built.getInstrumentation() instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else {
            chain.add(built.getInstrumentation());
        }
        builder.instrumentation(LeanChain.of(chain));
        boolean noOpVisibility = Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())
                && built.getGraphQLSchema().getCodeRegistry().getFieldVisibility() instanceof BlockedFields;
        CodeRegistries.change(builder, built.getGraphQLSchema(), (schema, code) -> {
            if (noOpVisibility) {
                // SmallRye reads the value "default" as a block list with the one pattern "default": it
                // hides nothing but runs a regular expression on every field of every request.
                code.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
            }
            LoaderPerArguments.apply(schema, code);
        });
        ConsistentReads.engineBuiltWith(builder);
        return builder;
    }
}
