package dev.diplograph.graphql;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.jboss.logging.Logger;

import dev.diplograph.persistence.CommitSequence;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.Database;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a query over HTTP again when a write committed while it ran, so that its answer never shows
 * one level of the graph before a write and the next level after it: each level is its own SQL
 * statement, and every write moves the data version (and, on the embedded database, the
 * {@link CommitSequence}), so an unchanged mark after the run means every statement read the same
 * committed state.
 */
final class ConsistentReads {

    private static final Logger LOG = Logger.getLogger(ConsistentReads.class);

    /** RoutingContext key of a query's {@link Attempt}, put there by {@link GraphQLHttpGate}. */
    static final String KEY = "diplograph.consistent-read";

    /** Longest a query waits, before it starts, for a commit under way to end. */
    private static final long QUIET_WAIT_NANOS = 20_000_000;

    private static final String RERUNS = "diplograph_query_reruns";
    private static final String RERUNS_HELP = "Queries run again because a write committed while they ran";
    private static final String MIXED = "diplograph_query_mixed_answers";
    private static final String MIXED_HELP = "Query answers sent although their last run overlapped a commit";

    /** The builder SmallRye builds its engine with: a copy of that engine runs the queries again. */
    private static GraphQL.Builder builder;
    private static GraphQL engine;

    private static volatile Counter reruns;
    private static volatile Counter mixedAnswers;

    private ConsistentReads() {
    }

    /**
     * One query's runs: the mark the current run started from, and how many runs there were. On the
     * embedded database the mark is the {@link CommitSequence} (no round trip: only this process writes);
     * on PostgreSQL, whose other replicas write too, the data version read from the database.
     */
    static final class Attempt {
        private final boolean local;
        private final int maxRuns;
        private final long startedNanos;
        private long mark;
        private int runs = 1;
        private boolean consistent;

        private Attempt(boolean local, long mark, int maxRuns) {
            this.local = local;
            this.mark = mark;
            this.maxRuns = maxRuns;
            this.startedNanos = System.nanoTime();
        }

        /**
         * For the embedded database: to be created before anything of the query is read, off the event
         * loop (a commit under way is waited for, briefly, or the run could not be trusted).
         */
        static Attempt local(int maxRuns) {
            return new Attempt(true, CommitSequence.quiet(QUIET_WAIT_NANOS), maxRuns);
        }

        /** For PostgreSQL, from the data version read before anything of the query. */
        static Attempt fromVersion(long version, int maxRuns) {
            return new Attempt(false, version, maxRuns);
        }

        /** Whether the answer came from the first run, so from the state the request found. */
        synchronized boolean firstRunConsistent() {
            return consistent && runs == 1;
        }
    }

    /** Called while SmallRye builds its engine; the copy for runs again is built on first need, complete. */
    static void engineBuiltWith(GraphQL.Builder engineBuilder) {
        synchronized (ConsistentReads.class) {
            builder = engineBuilder;
            engine = null;
        }
    }

    private static GraphQL engine() {
        synchronized (ConsistentReads.class) {
            if (engine == null && builder != null) {
                engine = builder.build();
            }
            return engine;
        }
    }

    /**
     * Checks, after a run of {@code input}, whether a write committed while it ran. Completes with null
     * when the answer may go out as it is (it was consistent, or there are no runs left), or with the
     * answer of a new run, which has been through this check itself.
     */
    static CompletableFuture<ExecutionResult> verify(Attempt attempt, ExecutionInput input, long timeoutNanos) {
        Context context = Vertx.currentContext();
        if (attempt.local) {
            return decide(attempt, CommitSequence.unchangedSince(attempt.mark), null, context, input, timeoutNanos);
        }
        return offTheEventLoop(context, () -> Arc.container().instance(DataVersion.class).get().current())
                .handle((version, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Data version not readable; answer not known to be consistent: %s", failure.getMessage());
                    }
                    return version;
                })
                .thenCompose(version -> version == null
                        ? CompletableFuture.completedFuture(null)
                        : decide(attempt, version == attempt.mark, version, context, input, timeoutNanos));
    }

    private static CompletableFuture<ExecutionResult> decide(Attempt attempt, boolean unchanged, Long version,
            Context context, ExecutionInput input, long timeoutNanos) {
        synchronized (attempt) {
            if (unchanged) {
                attempt.consistent = true;
                return CompletableFuture.completedFuture(null);
            }
            GraphQL again = engine();
            if (again == null || attempt.runs >= attempt.maxRuns
                    || System.nanoTime() - attempt.startedNanos > timeoutNanos / 4) {
                // Read under a stream of writes, or a slow query: it goes out as it was read.
                mixedAnswers.increment();
                return CompletableFuture.completedFuture(null);
            }
            attempt.runs++;
            if (version != null) {
                attempt.mark = version; // read after the last run ended, so before the next one starts
            }
            reruns.increment();
            return runAgain(context, again, input, attempt);
        }
    }

    /** A new run of the same request, with nothing remembered from the last one. */
    private static CompletableFuture<ExecutionResult> runAgain(Context context, GraphQL again, ExecutionInput input,
            Attempt attempt) {
        CompletableFuture<ExecutionResult> answer = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                // SmallRye's batch loaders cache per request, Hibernate's session per request: both
                // would hand the new run what the last one read.
                input.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
                Database.current().forgetRequestEntities();
                if (attempt.local) {
                    synchronized (attempt) {
                        attempt.mark = CommitSequence.now();
                    }
                }
                again.executeAsync(input).whenComplete((result, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(result);
                    }
                });
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        };
        if (context != null) {
            context.runOnContext(v -> run.run()); // where the first run started: the request's context
        } else {
            run.run();
        }
        return answer;
    }

    /** Runs a JDBC call on a worker when called on the event loop, and comes back to the context. */
    private static <T> CompletableFuture<T> offTheEventLoop(Context context, Callable<T> call) {
        if (context == null || !Context.isOnEventLoopThread()) {
            try {
                return CompletableFuture.completedFuture(call.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return context.executeBlocking(call, false).toCompletionStage().toCompletableFuture();
    }

    /** Registers the counters (by the gate, at start), so that they show in /q/metrics from the start. */
    static void registerMeters(MeterRegistry registry) {
        reruns = Counter.builder(RERUNS).description(RERUNS_HELP).register(registry);
        mixedAnswers = Counter.builder(MIXED).description(MIXED_HELP).register(registry);
    }

    /** The data version now, or null when it cannot be read (the query then runs once). */
    static Long versionNow(DataVersion dataVersion) {
        try {
            return dataVersion.current();
        } catch (SQLException e) {
            return null;
        }
    }
}
