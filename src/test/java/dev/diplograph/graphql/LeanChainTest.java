package dev.diplograph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.smallrye.graphql.execution.QueryCache;

/**
 * The lean chain may skip the per-field hooks only of links known to have none: the list of such
 * links is checked here by reflection, any other link gets graphql-java's chain (which calls its
 * hooks), and data-fetcher instrumentation always reaches every link.
 */
class LeanChainTest {

    /** The hooks graphql-java calls for every field (or every object or level) of a result. */
    static final List<String> PER_FIELD_HOOKS = List.of("beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion");

    /** Counts its per-field fetch hook. */
    static final class FieldCounting extends SimplePerformantInstrumentation {
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            fetches.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }

    /** Sees every data fetcher, as RequestGuard does for its execution timeout. */
    static final class FetcherWrapping extends SimplePerformantInstrumentation {
        final AtomicInteger wrapped = new AtomicInteger();

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            wrapped.incrementAndGet();
            return fetcher;
        }
    }

    /** Whether {@code type} (or a superclass short of graphql-java's no-op bases) declares a per-field hook. */
    static boolean hasPerFieldHook(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> PER_FIELD_HOOKS.contains(method.getName()))
                .map(Method::getDeclaringClass)
                .anyMatch(owner -> owner != Instrumentation.class && owner != SimplePerformantInstrumentation.class
                        && owner != SimpleInstrumentation.class);
    }

    private static InstrumentationState stateOf(ChainedInstrumentation chain) {
        return chain.createStateAsync(null).join();
    }

    @Test
    void theLinksListedWithoutPerFieldHooksHaveNone() {
        assertEquals(Set.of(RequestGuard.class, QueryCache.class, MaxQueryDepthInstrumentation.class,
                MaxQueryComplexityInstrumentation.class), LeanChain.WITHOUT_PER_FIELD_HOOKS);
        LeanChain.WITHOUT_PER_FIELD_HOOKS.forEach(type -> assertFalse(hasPerFieldHook(type), type.getName()));
        assertTrue(hasPerFieldHook(FieldCounting.class)); // the reflective check can fail
    }

    @Test
    void smallRyesLimitsMakeALeanChain() {
        ChainedInstrumentation chain = LeanChain.of(
                List.of(new MaxQueryDepthInstrumentation(10), new MaxQueryComplexityInstrumentation(100)));
        assertInstanceOf(LeanChain.class, chain);
        assertEquals(List.of(MaxQueryDepthInstrumentation.class, MaxQueryComplexityInstrumentation.class),
                chain.getInstrumentations().stream().map(Instrumentation::getClass).toList());
    }

    @Test
    void anUnknownLinkGetsGraphqlJavasChainAndItsHookIsCalled() {
        FieldCounting counting = new FieldCounting();
        ChainedInstrumentation chain = LeanChain.of(List.of(new MaxQueryDepthInstrumentation(10), counting));
        assertFalse(chain instanceof LeanChain);
        chain.beginFieldFetch(null, stateOf(chain));
        assertEquals(1, counting.fetches.get());
    }

    @Test
    void theLeanChainSkipsPerFieldHooksButPassesDataFetchersThroughEveryLink() {
        FetcherWrapping wrapping = new FetcherWrapping();
        FieldCounting counting = new FieldCounting();
        ChainedInstrumentation chain = LeanChain.of(List.of(wrapping, counting),
                Set.of(FetcherWrapping.class, FieldCounting.class));
        assertInstanceOf(LeanChain.class, chain);
        InstrumentationState state = stateOf(chain);
        DataFetcher<?> fetcher = environment -> "value";
        assertSame(fetcher, chain.instrumentDataFetcher(fetcher, null, state));
        assertEquals(1, wrapping.wrapped.get());
        chain.beginFieldFetch(null, state);
        assertEquals(0, counting.fetches.get());
    }
}
