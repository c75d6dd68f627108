package dev.diplograph.graph;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.spi.EventingService;

/**
 * Answers hot to-one fields of rows that have {@link Siblings} with plain graphql-java data fetchers.
 * SmallRye's batched fields pay for a context, a Uni and a DataLoader future on every call: for the
 * 1,200 source and speaker fields of the deep traversal that was half of its time. Rows without
 * siblings keep the batched {@code @Source} API methods, which also define the fields' schema.
 * Subclasses are registered through {@code META-INF/services}, which native images honour too.
 */
public abstract class SiblingFetchers<P> implements EventingService {

    private final String type;
    private final Function<P, Siblings<P>> siblingsOf;

    protected SiblingFetchers(String type, Function<P, Siblings<P>> siblingsOf) {
        this.type = type;
        this.siblingsOf = siblingsOf;
    }

    /** The fields answered from siblings, by name: each resolves one row from its group. */
    protected abstract Map<String, BiFunction<P, Siblings<P>, Object>> fields();

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        GraphQLCodeRegistry registry = schema.getCodeRegistry().transform(code -> fields().forEach((field, resolve) -> {
            FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
            DataFetcher<?> batched = code.getDataFetcher(coordinates, schema.getObjectType(type).getFieldDefinition(field));
            code.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
                P row = env.getSource();
                Siblings<P> siblings = siblingsOf.apply(row);
                return siblings == null ? batched.get(env) : resolve.apply(row, siblings);
            });
        }));
        // Only the code registry changes: transformWithoutTypes skips re-checking every type (20-30 ms at start-up).
        return builder.schema(schema.transformWithoutTypes(s -> s.codeRegistry(registry)));
    }
}
