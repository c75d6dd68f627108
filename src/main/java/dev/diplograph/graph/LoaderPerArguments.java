package dev.diplograph.graph;

import java.util.Map;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Gives each argument set of a batched field its own data loader, so that one field asked for under
 * two aliases with different arguments ({@code a: visits(first: 1) b: visits(first: 5)}) is loaded,
 * and answered, once per argument set instead of every parent getting the first set's answer.
 */
public final class LoaderPerArguments {

    private LoaderPerArguments() {
    }

    /**
     * Wraps the fetcher of every field with arguments on a type other than the root types. SmallRye
     * keeps one data loader per field and runs each batch with the arguments of its first key; the
     * wrapped fetcher hands SmallRye's batch fetcher a loader named after the field and its arguments.
     */
    public static void apply(GraphQLSchema schema, GraphQLCodeRegistry.Builder code) {
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")
                    || object == schema.getQueryType() || object == schema.getMutationType()
                    || object == schema.getSubscriptionType()) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                if (!field.getArguments().isEmpty()) {
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                    code.dataFetcher(coordinates, new PerArguments(code.getDataFetcher(coordinates, field)));
                }
            }
        }
    }

    /** Runs {@code fetcher} with an environment whose data loaders are the ones of this call's arguments. */
    private record PerArguments(DataFetcher<?> fetcher) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            return fetcher.get(new DelegatingDataFetchingEnvironment(env) {
                @Override
                public <K, V> DataLoader<K, V> getDataLoader(String name) {
                    return loader(env.getDataLoaderRegistry(), name, env.getArguments());
                }
            });
        }
    }

    /**
     * The loader for {@code name} under {@code arguments}: made on first use in this operation as a
     * copy of the field's own loader (same batch function and options, an empty cache), and registered,
     * so that graphql-java dispatches it with the others. A space cannot occur in SmallRye's names.
     */
    static <K, V> DataLoader<K, V> loader(DataLoaderRegistry registry, String name, Map<String, Object> arguments) {
        DataLoader<K, V> shared = registry.getDataLoader(name);
        if (shared == null) {
            return null;
        }
        return registry.computeIfAbsent(name + " " + arguments, own -> shared.transform(builder -> builder.name(own)));
    }
}
