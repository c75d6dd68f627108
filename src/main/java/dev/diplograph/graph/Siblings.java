package dev.diplograph.graph;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Rows one query loaded together, so that a to-one relation one of them needs is loaded for all of
 * them at once, on first use, and answered from memory from then on (see {@link DirectFetchers}).
 */
public final class Siblings<P> {

    private final List<P> members;
    private final Map<String, CompletableFuture<Map<?, ?>>> loaded = new ConcurrentHashMap<>();
    /** The request the rows were loaded in: graphql-java may complete fields after SmallRye deactivated it. */
    private final ContextState request;

    private Siblings(List<P> members) {
        this.members = List.copyOf(members);
        ManagedContext context = Arc.container().requestContext();
        this.request = context.isActive() ? context.getState() : null;
    }

    /** Makes the rows siblings of each other; {@code attach} stores the group on each row. */
    public static <P> Siblings<P> of(List<P> members, BiConsumer<P, Siblings<P>> attach) {
        Siblings<P> siblings = new Siblings<>(members);
        for (P member : siblings.members) {
            attach.accept(member, siblings);
        }
        return siblings;
    }

    /**
     * The target of a to-one relation of {@code member}, or a stage that completes with it: the first
     * call for {@code relation} loads the targets of every sibling with one {@code withIds} (on a
     * worker thread when called on the event loop, where graphql-java completes fields after
     * SmallRye's asynchronous fetchers); once loaded, the answer comes straight from memory.
     */
    public <T> Object toOne(String relation, P member, Function<P, Long> foreignKey,
            Function<Collection<Long>, List<T>> withIds, Function<T, Long> id) {
        Long key = foreignKey.apply(member);
        if (key == null) {
            return null;
        }
        return answer(relation, key, () -> Batches.byId(withIds.apply(Batches.ids(members, foreignKey)), id));
    }

    /**
     * The children of {@code member} in a to-many relation, or a stage that completes with them: the
     * first call for {@code relation} (its name and arguments) runs {@code batch} once over every
     * sibling (one list per member, in the members' order); later calls are answered from memory.
     */
    public <T> Object toMany(String relation, P member, Function<List<P>, List<List<T>>> batch) {
        return answer(relation, member, () -> {
            List<List<T>> children = batch.apply(members);
            Map<P, List<T>> byMember = new IdentityHashMap<>(members.size() * 2);
            for (int i = 0; i < members.size(); i++) {
                byMember.put(members.get(i), children.get(i));
            }
            return byMember;
        });
    }

    private Object answer(String relation, Object key, Supplier<Map<?, ?>> query) {
        CompletableFuture<Map<?, ?>> answers = loaded.get(relation); // every call after the first
        if (answers == null) {
            answers = loaded.computeIfAbsent(relation, r -> load(query));
        }
        if (answers.isDone() && !answers.isCompletedExceptionally()) {
            return answers.join().get(key);
        }
        return answers.thenApply(byKey -> byKey.get(key));
    }

    private CompletableFuture<Map<?, ?>> load(Supplier<Map<?, ?>> query) {
        Context vertx = Vertx.currentContext();
        if (vertx != null && Context.isOnEventLoopThread()) {
            // As Quarkus runs SmallRye's blocking fetchers: on the request's context, ordered, so that
            // no two loads share the request's database session at the same time.
            return vertx.<Map<?, ?>> executeBlocking(() -> inRequest(query)).toCompletionStage().toCompletableFuture();
        }
        try {
            return CompletableFuture.completedFuture(inRequest(query));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private <T> T inRequest(Supplier<T> load) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive() || request == null) {
            return load.get();
        }
        context.activate(request);
        try {
            return load.get();
        } finally {
            context.deactivate();
        }
    }
}
