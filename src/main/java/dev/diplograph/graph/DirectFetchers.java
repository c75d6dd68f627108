package dev.diplograph.graph;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.GraphQL;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Answers the hot fields of one GraphQL type with plain graphql-java data fetchers instead of
 * SmallRye's, which build a per-call context: for a deep traversal's thousands of fields that was
 * a large share of its time. SmallRye's methods still define the fields' schema. Subclasses are
 * registered through {@code META-INF/services}, which native images honour too.
 */
public abstract class DirectFetchers<P> implements EventingService {

    private final String type;
    private final Class<P> rowType;
    private final Function<P, Siblings<P>> siblingsOf;

    /** For a type with columns only. */
    protected DirectFetchers(String type, Class<P> rowType) {
        this(type, rowType, row -> null);
    }

    protected DirectFetchers(String type, Class<P> rowType, Function<P, Siblings<P>> siblingsOf) {
        this.type = type;
        this.rowType = rowType;
        this.siblingsOf = siblingsOf;
    }

    /** The GraphQL type whose fields these are. */
    public String type() {
        return type;
    }

    /** The Java class of the type's rows. */
    public Class<P> rowType() {
        return rowType;
    }

    /**
     * Scalar fields read straight from the row, by name. Only fields that SmallRye would return
     * untransformed (strings, enums, numbers: no date or number formatting) belong here.
     */
    public Map<String, Function<P, Object>> columns() {
        return Map.of();
    }

    /**
     * Relations answered from the row's {@link Siblings}, by field name: the first call loads the
     * targets of the whole group. Rows without siblings keep SmallRye's batched {@code @Source} methods.
     */
    public Map<String, FromSiblings<P>> fromSiblings() {
        return Map.of();
    }

    /** Resolves a field of {@code row} from its group; {@code env} carries the field's arguments. */
    @FunctionalInterface
    public interface FromSiblings<P> {
        Object resolve(P row, Siblings<P> siblings, DataFetchingEnvironment env);
    }

    /**
     * An Int argument, or null: graphql-java hands a schema default that SmallRye declared (as
     * {@code @DefaultValue}) over as a BigDecimal, an explicit one as an Integer.
     */
    public static Integer intArgument(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value == null ? null : ((Number) value).intValue();
    }

    /** A service, for the loaders of {@link #fromSiblings()}: these fetchers are not CDI beans. */
    protected static <S> S bean(Class<S> type) {
        return Arc.container().instance(type).get();
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return CodeRegistries.change(builder, builder.build().getGraphQLSchema(), (schema, code) -> {
            columns().forEach((field, read) -> {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                if (!(code.getDataFetcher(coordinates, definition(schema, field)) instanceof TrivialDataFetcher)) {
                    // Only a plain field read may be replaced: a resolver method must keep running.
                    throw new IllegalStateException(coordinates + " is not a plain field");
                }
                code.dataFetcher(coordinates, new Column<>(read));
            });
            fromSiblings().forEach((field, resolve) -> {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                DataFetcher<?> batched = code.getDataFetcher(coordinates, definition(schema, field));
                code.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
                    P row = env.getSource();
                    Siblings<P> siblings = siblingsOf.apply(row);
                    return siblings == null ? batched.get(env) : resolve.resolve(row, siblings, env);
                });
            });
        });
    }

    /** A column read, as a light fetcher: graphql-java then does not build an environment for the call. */
    private record Column<P>(Function<P, Object> read) implements LightDataFetcher<Object> {

        @Override
        @SuppressWarnings("unchecked")
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
            return read.apply((P) source);
        }

        @Override
        public Object get(DataFetchingEnvironment env) {
            return read.apply(env.<P> getSource());
        }
    }

    private GraphQLFieldDefinition definition(GraphQLSchema schema, String field) {
        GraphQLFieldDefinition definition = schema.getObjectType(type).getFieldDefinition(field);
        if (definition == null) {
            throw new IllegalStateException(type + "." + field + " is not in the schema");
        }
        return definition;
    }
}
