package dev.diplograph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * Hooks {@link RequestGuard} into the graphql-java engine that SmallRye GraphQL builds, keeping
 * SmallRye's own instrumentation (query cache, depth and complexity limits) in the chain, and drops
 * the no-op field block list SmallRye makes of the default field visibility.
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
        builder.instrumentation(new ChainedInstrumentation(chain));
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        if (Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())
                && schema.getCodeRegistry().getFieldVisibility() instanceof BlockedFields) {
            // SmallRye reads the value "default" as a block list with the one pattern "default": it
            // hides nothing but runs a regular expression on every field of every request.
            GraphQLCodeRegistry registry = schema.getCodeRegistry()
                    .transform(code -> code.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY));
            builder.schema(schema.transformWithoutTypes(s -> s.codeRegistry(registry)));
        }
        return builder;
    }
}
