package dev.diplograph.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import graphql.ExecutionResult;
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

/**
 * A chain of instrumentations that skips the per-field hooks none of its links implements: graphql-java's
 * own chain asks every link on every field and builds a list of their (empty) answers each time.
 */
final class LeanChain extends ChainedInstrumentation {

    /** The hooks graphql-java calls for every field (or every object or level) of a result. */
    static final List<String> PER_FIELD_HOOKS = List.of("beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion");

    private static final SimplePerformantInstrumentation NONE = SimplePerformantInstrumentation.INSTANCE;

    private LeanChain(List<Instrumentation> links) {
        super(links);
    }

    /**
     * A lean chain when no link implements a per-field hook, else graphql-java's chain, so that no
     * link's hook is ever skipped.
     */
    static ChainedInstrumentation of(List<Instrumentation> links) {
        return links.stream().anyMatch(link -> hasPerFieldHook(link.getClass())) ? new ChainedInstrumentation(links)
                : new LeanChain(links);
    }

    /** Whether {@code type} (or a superclass short of graphql-java's no-op bases) overrides a per-field hook. */
    static boolean hasPerFieldHook(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> PER_FIELD_HOOKS.contains(method.getName()))
                .map(Method::getDeclaringClass)
                .anyMatch(owner -> owner != Instrumentation.class && owner != SimplePerformantInstrumentation.class
                        && owner != Object.class);
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
