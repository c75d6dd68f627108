package dev.diplograph.graph;

import java.util.function.BiConsumer;

import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;

/** Changes the code registry (fetchers, field visibility) of the schema SmallRye built, and nothing else of it. */
public final class CodeRegistries {

    private CodeRegistries() {
    }

    /** Applies {@code change} to the code registry of {@code schema} and sets the result on {@code builder}. */
    public static GraphQL.Builder change(GraphQL.Builder builder, GraphQLSchema schema,
            BiConsumer<GraphQLSchema, GraphQLCodeRegistry.Builder> change) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry().transform(code -> change.accept(schema, code));
        // Only the code registry changes: transformWithoutTypes skips re-checking every type (20-30 ms at start-up).
        return builder.schema(schema.transformWithoutTypes(s -> s.codeRegistry(registry)));
    }
}
