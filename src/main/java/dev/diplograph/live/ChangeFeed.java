package dev.diplograph.live;

import java.nio.BufferOverflowException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.DatabaseUnavailableException;
import dev.diplograph.persistence.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Carries committed changes to the subscriptions: writers record events in their transaction, and
 * only a commit releases them. With H2 (one replica) a committed transaction hands its events to
 * this process's dispatcher; with PostgreSQL they travel as NOTIFY payloads, which PostgreSQL
 * delivers to every replica's LISTEN connection at commit and never for a rollback.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The PostgreSQL channel of the change events. */
    static final String CHANNEL = "diplograph_changes";
    /** NOTIFY payloads must stay under 8000 bytes; keep a margin. */
    private static final int MAX_PAYLOAD = 7000;
    /** Committed batches waiting for the dispatcher, at most; more are dropped and counted. */
    static final int QUEUE = 10_000;
    /** Reads of a batch's records, at most, before its subscribers are told they missed it. */
    static final int LOAD_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 500;
    /** How long shutdown waits for the dispatcher to finish the batch it is delivering. */
    private static final long STOP_WAIT_MILLIS = 5_000;
    /** Queued at shutdown to wake the dispatcher; it carries no event. */
    private static final ChangeBatch WAKE = new ChangeBatch(List.of(), List.of(), 0L);
    private static final Object KEY = new Object();
    private static final Set<String> ALL = Set.of(LiveGraphQLApi.STATEMENT_ADDED, LiveGraphQLApi.VISIT_CHANGED);

    private final Database database;
    private final TransactionSynchronizationRegistry transactions;
    private final DiplographConfig.Live config;
    private final MeterRegistry metrics;
    private final EventLoader loader;
    private final BlockingQueue<ChangeBatch> queue = new ArrayBlockingQueue<>(QUEUE);
    private final List<Listener<StatementEvent>> statementListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<VisitChange>> visitListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Set<String>, String>> gapListeners = new CopyOnWriteArrayList<>();
    private Counter lost;
    private Counter started;
    private Thread dispatcher;
    private PostgresListener postgres;
    private volatile boolean running;

    public ChangeFeed(Database database, TransactionSynchronizationRegistry transactions, DiplographConfig config,
            MeterRegistry metrics, EventLoader loader) {
        this.database = database;
        this.transactions = transactions;
        this.config = config.live();
        this.metrics = metrics;
        this.loader = loader;
    }

    void start(@Observes StartupEvent event) {
        lost = Counter.builder("diplograph_live_events_lost")
                .description("Committed change batches not delivered (dispatcher queue full, or records unreadable);"
                        + " the subscriptions they concerned were ended with EVENTS_MISSED").register(metrics);
        started = Counter.builder("diplograph_live_subscriptions_started")
                .description("GraphQL subscriptions started on this replica since it started").register(metrics);
        Gauge.builder("diplograph_live_subscriptions", this, f -> f.statementListeners.size() + f.visitListeners.size())
                .description("Open GraphQL subscriptions on this replica").register(metrics);
        running = true;
        dispatcher = new Thread(this::dispatch, "diplograph-live-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        if (database.kind() == Database.Kind.POSTGRESQL) {
            postgres = new PostgresListener(this::offer, why -> missed(ALL, why));
            postgres.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (postgres != null) {
            postgres.stop();
        }
        if (dispatcher != null) {
            // Woken, not interrupted: an interrupt while it reads from H2 would close the database file under everyone.
            queue.offer(WAKE);
            try {
                dispatcher.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the cross-replica path (PostgreSQL LISTEN) is connected; always true with H2. */
    public boolean listening() {
        return postgres == null || postgres.connected();
    }

    // ------------------------------------------------------------------ writers

    /** The events of the current transaction; they are published when it commits. */
    public Changes changes() {
        Changes changes = (Changes) transactions.getResource(KEY);
        if (changes == null) {
            Changes created = new Changes(config.maxEventsPerTransaction());
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (database.kind() == Database.Kind.POSTGRESQL && !created.isEmpty()
                            && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        notifyReplicas(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (created.dropped() > 0 && status == Status.STATUS_COMMITTED) {
                        LOG.warnf("A transaction produced %d more change events than diplograph.live.max-events-per-transaction"
                                + " (%d); subscribers were not told about those", created.dropped(), config.maxEventsPerTransaction());
                    }
                    if (database.kind() == Database.Kind.H2 && status == Status.STATUS_COMMITTED && !created.isEmpty()) {
                        offer(created.batch(ChangeBatch.nowMicros()));
                    }
                }
            });
            changes = created;
        }
        return changes;
    }

    /** Sends the transaction's events as NOTIFY payloads; PostgreSQL delivers them at commit only. */
    private void notifyReplicas(Changes changes) {
        ChangeBatch batch = changes.batch(ChangeBatch.nowMicros()); // the commit follows at once
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String payload : payloads(batch)) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        } catch (SQLException e) {
            // Failing here fails the commit: a write whose events cannot go out is not acknowledged.
            throw new IllegalStateException("Could not publish change events", e);
        }
    }

    /** The batch as JSON payloads of at most {@link #MAX_PAYLOAD} bytes each, in order. */
    static List<String> payloads(ChangeBatch batch) {
        Payloads payloads = new Payloads(batch.committedAtMicros());
        for (Long id : batch.statementsAdded()) {
            payloads.add("s", id, String.valueOf(id).length() + 1);
        }
        for (VisitEvent v : batch.visitsChanged()) {
            JsonObject json = new JsonObject().put("i", v.id()).put("k", v.key()).put("l", v.leader())
                    .put("c", v.hostCountry()).put("t", v.change().name());
            payloads.add("v", json, json.encode().getBytes(StandardCharsets.UTF_8).length + 1);
        }
        return payloads.finish();
    }

    /** Fills NOTIFY payloads ({"s": [statement ids], "v": [visit events]}) up to the size limit, then starts the next. */
    private static final class Payloads {
        private final List<String> done = new ArrayList<>();
        private final long committedAtMicros;
        private JsonObject current;
        private int size;

        Payloads(long committedAtMicros) {
            this.committedAtMicros = committedAtMicros;
            next();
        }

        void add(String array, Object value, int cost) {
            if (size + cost > MAX_PAYLOAD) {
                done.add(current.encode());
                next();
            }
            current.getJsonArray(array).add(value);
            size += cost;
        }

        List<String> finish() {
            done.add(current.encode());
            return done;
        }

        private void next() {
            current = new JsonObject().put("at", committedAtMicros).put("s", new JsonArray()).put("v", new JsonArray());
            size = 40;
        }
    }

    /** Reads one NOTIFY payload back. */
    static ChangeBatch parse(String payload) {
        JsonObject json = new JsonObject(payload);
        List<Long> statements = new ArrayList<>();
        for (Object id : json.getJsonArray("s", new JsonArray())) {
            statements.add(((Number) id).longValue());
        }
        List<VisitEvent> visits = new ArrayList<>();
        for (Object o : json.getJsonArray("v", new JsonArray())) {
            JsonObject v = (JsonObject) o;
            visits.add(new VisitEvent(v.getLong("i"), v.getString("k"), v.getString("l"), v.getString("c"),
                    ChangeKind.valueOf(v.getString("t"))));
        }
        return new ChangeBatch(statements, visits, json.getLong("at", 0L));
    }

    // ------------------------------------------------------------------ dispatcher

    void offer(ChangeBatch batch) {
        if (!queue.offer(batch)) {
            lost.increment();
            LOG.warn("The change dispatcher is behind by " + QUEUE + " batches; dropped one (diplograph_live_events_lost)"
                    + " and ended every subscription with EVENTS_MISSED");
            missed(ALL, "The server fell too far behind with change events.");
        }
    }

    /** Tells the transports which subscriptions may have missed events: a client is told about a gap, never left with one. */
    private void missed(Set<String> fields, String why) {
        for (BiConsumer<Set<String>, String> listener : gapListeners) {
            listener.accept(fields, why);
        }
    }

    /**
     * Registers a transport that ends its subscriptions of the given fields ({@code statementAdded},
     * {@code visitChanged}) when they may have missed events, with the reason.
     */
    public void onGap(BiConsumer<Set<String>, String> listener) {
        gapListeners.add(listener);
    }

    private void dispatch() {
        List<ChangeBatch> taken = new ArrayList<>();
        while (running) {
            try {
                ChangeBatch first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null || !running) {
                    continue;
                }
                taken.clear();
                taken.add(first);
                queue.drainTo(taken, 100);
                deliver(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Could not deliver change events", e);
            }
        }
    }

    /** Loads what subscribers will see, once per event for all of them, and hands it on in commit order. */
    private void deliver(List<ChangeBatch> batches) {
        Map<Long, Long> statementCommits = new LinkedHashMap<>();
        List<VisitEvent> visitEvents = new ArrayList<>();
        List<Long> visitCommits = new ArrayList<>();
        for (ChangeBatch batch : batches) {
            batch.statementsAdded().forEach(id -> statementCommits.put(id, batch.committedAtMicros()));
            visitEvents.addAll(batch.visitsChanged());
            batch.visitsChanged().forEach(v -> visitCommits.add(batch.committedAtMicros()));
        }
        boolean delivered = statementCommits.isEmpty()
                || deliver(statementListeners, () -> loader.statements(List.copyOf(statementCommits.keySet()), statementCommits),
                        LiveGraphQLApi.STATEMENT_ADDED, "New statements could not be read from the database.");
        delivered &= visitEvents.isEmpty() || deliver(visitListeners, () -> loader.visits(visitEvents, visitCommits),
                LiveGraphQLApi.VISIT_CHANGED, "Changed visits could not be read from the database.");
        if (!delivered) {
            lost.increment(batches.size());
        }
    }

    /**
     * Loads one kind of event and hands each to every subscriber of that kind; when they cannot be
     * read, ends those subscriptions instead. Returns whether the events went out.
     */
    private <T> boolean deliver(List<Listener<T>> listeners, Supplier<List<T>> read, String field, String why) {
        if (listeners.isEmpty()) {
            return true;
        }
        List<T> events = load(read);
        if (events == null) {
            missed(Set.of(field), why);
            return false;
        }
        for (T event : events) {
            for (Listener<T> listener : listeners) {
                listener.offer(event);
            }
        }
        return true;
    }

    /**
     * Reads the records of committed events, again after a pause when that fails (a database blip, or
     * a burst that holds every connection); null when it keeps failing.
     */
    private static <T> List<T> load(Supplier<List<T>> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (attempt == LOAD_ATTEMPTS) {
                    Throwable unavailable = DatabaseUnavailableException.reason(e);
                    if (unavailable != null) {
                        LOG.warnf("Could not read committed changes for subscribers (%s)", unavailable.getMessage());
                    } else {
                        LOG.error("Could not read committed changes for subscribers", e);
                    }
                    return null;
                }
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    // ------------------------------------------------------------------ subscribers

    /** Statements added from now on that the predicate accepts. */
    public Multi<StatementEvent> statements(Predicate<StatementEvent> filter) {
        return subscribe(statementListeners, filter);
    }

    /** Visit changes from now on that the predicate accepts. */
    public Multi<VisitChange> visits(Predicate<VisitChange> filter) {
        return subscribe(visitListeners, filter);
    }

    /**
     * A stream with a bounded buffer: when its subscriber falls {@code buffer-size} events behind,
     * the stream fails with {@link SlowConsumerException} and the transport closes the connection.
     */
    private <T> Multi<T> subscribe(List<Listener<T>> listeners, Predicate<T> filter) {
        int buffer = config.bufferSize();
        return Multi.createFrom().<T>emitter(emitter -> {
            Listener<T> listener = new Listener<>(filter, emitter);
            listeners.add(listener);
            started.increment();
            emitter.onTermination(() -> listeners.remove(listener));
        }, buffer).onFailure(BufferOverflowException.class).transform(e -> new SlowConsumerException(buffer));
    }

    /** One subscription: its filter and where its events go. */
    private record Listener<T>(Predicate<T> filter, MultiEmitter<? super T> emitter) {
        void offer(T event) {
            if (!emitter.isCancelled() && filter.test(event)) {
                emitter.emit(event);
            }
        }
    }
}
