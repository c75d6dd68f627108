package dev.diplograph.graphql;

import java.util.List;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import io.smallrye.graphql.execution.QueryCache;

/**
 * A chain of instrumentations that skips the per-field hooks none of its links implements: graphql-java's
 * own chain asks every link on every field and builds a list of their (empty) answers each time.
 */
final class LeanChain extends ChainedInstrumentation {

    /**
     * The instrumentations known to implement no per-field hook (LeanChainTest checks each by
     * reflection): the service's own, SmallRye's query cache, and the depth and complexity limits
     * SmallRye adds when its own settings for them are used. A list rather than a reflective check at
     * run time, which a native image could not answer for classes it does not register.
     */
    static final Set<Class<? extends Instrumentation>> WITHOUT_PER_FIELD_HOOKS = Set.of(RequestGuard.class,
            QueryCache.class, MaxQueryDepthInstrumentation.class, MaxQueryComplexityInstrumentation.class);

    private static final SimplePerformantInstrumentation NONE = SimplePerformantInstrumentation.INSTANCE;

    private LeanChain(List<Instrumentation> links) {
        super(links);
    }

    /**
     * A lean chain when every link is known to have no per-field hook, else graphql-java's chain, so
     * that no link's hook is ever skipped (SmallRye's federation tracing, for one, has such hooks).
     */
    static ChainedInstrumentation of(List<Instrumentation> links) {
        return of(links, WITHOUT_PER_FIELD_HOOKS);
    }

    /** As {@link #of(List)}, with the classes taken to have no per-field hook given (for tests). */
    static ChainedInstrumentation of(List<Instrumentation> links, Set<? extends Class<?>> withoutPerFieldHooks) {
        return links.stream().allMatch(link -> withoutPerFieldHooks.contains(link.getClass()))
                ? new LeanChain(links)
                : new ChainedInstrumentation(links);
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return NONE.beginExecutionStrategy(parameters, null);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return NONE.beginExecuteObject(parameters, null);
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationState state) {
        return NONE.beginDeferredField(null);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return NONE.beginSubscribedFieldEvent(parameters, null);
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return NONE.beginFieldExecution(parameters, null);
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return NONE.beginFieldFetch(parameters, null);
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return NONE.beginFieldFetching(parameters, null);
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return NONE.beginFieldCompletion(parameters, null);
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return NONE.beginFieldListCompletion(parameters, null);
    }
}
