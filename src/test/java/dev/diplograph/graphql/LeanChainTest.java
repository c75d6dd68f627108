package dev.diplograph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * The lean chain may skip a per-field hook only when no link implements it: a link that does gets
 * graphql-java's chain, which calls it; data-fetcher instrumentation always reaches every link.
 */
class LeanChainTest {

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

    /** Wraps every data fetcher, as RequestGuard does for its execution timeout. */
    static final class FetcherWrapping extends SimplePerformantInstrumentation {
        final AtomicInteger wrapped = new AtomicInteger();

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            wrapped.incrementAndGet();
            return fetcher;
        }
    }

    private static InstrumentationState stateOf(ChainedInstrumentation chain) {
        return chain.createStateAsync(null).join();
    }

    @Test
    void theServicesInstrumentationsHaveNoPerFieldHook() {
        assertFalse(LeanChain.hasPerFieldHook(RequestGuard.class));
        assertFalse(LeanChain.hasPerFieldHook(MaxQueryDepthInstrumentation.class));
        assertFalse(LeanChain.hasPerFieldHook(MaxQueryComplexityInstrumentation.class));
        assertTrue(LeanChain.hasPerFieldHook(FieldCounting.class));
    }

    @Test
    void withoutPerFieldHooksTheChainIsLeanAndStillInstrumentsDataFetchers() {
        FetcherWrapping wrapping = new FetcherWrapping();
        ChainedInstrumentation chain = LeanChain.of(List.of(wrapping, new MaxQueryDepthInstrumentation(10)));
        assertInstanceOf(LeanChain.class, chain);
        InstrumentationState state = stateOf(chain);
        DataFetcher<?> fetcher = environment -> "value";
        assertSame(fetcher, chain.instrumentDataFetcher(fetcher, null, state));
        assertEquals(1, wrapping.wrapped.get());
        assertEquals(List.of(wrapping.getClass(), MaxQueryDepthInstrumentation.class),
                chain.getInstrumentations().stream().map(Instrumentation::getClass).toList());
    }

    @Test
    void aLinkWithAPerFieldHookGetsTheFullChainAndItsHookIsCalled() {
        FieldCounting counting = new FieldCounting();
        ChainedInstrumentation chain = LeanChain.of(List.of(new MaxQueryDepthInstrumentation(10), counting));
        assertFalse(chain instanceof LeanChain);
        chain.beginFieldFetch(null, stateOf(chain));
        assertEquals(1, counting.fetches.get());
    }
}
