package dev.diplograph.live;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.statement.QuoteFilter;
import dev.diplograph.statement.QuoteSearch;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Turns subscription arguments into filtered streams of the change feed. */
@ApplicationScoped
public class LiveService {

    /**
     * Runs each subscriber's deliveries on a worker thread inside a request context, so the fields
     * a subscriber selects (speaker, sectors, …) are resolved with a database session, off the
     * dispatcher: a subscriber with a heavy selection does not hold up the others.
     */
    private static final Executor DELIVERY = task -> Infrastructure.getDefaultWorkerPool().execute(() -> {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            task.run();
        } finally {
            context.terminate();
        }
    });

    /** Events a delivery thread takes ahead from the subscription's buffer. */
    private static final int PREFETCH = 16;

    private final ChangeFeed feed;
    private final Timer delivery;

    public LiveService(ChangeFeed feed, MeterRegistry metrics) {
        this.feed = feed;
        this.delivery = Timer.builder("diplograph_live_delivery")
                .description("From a change's commit until a subscriber's delivery thread takes it up")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    private void delivered(long committedAtMicros) {
        if (committedAtMicros > 0) {
            delivery.record(Math.max(0, ChangeBatch.nowMicros() - committedAtMicros), TimeUnit.MICROSECONDS);
        }
    }

    /** New statements matching the filter (all of them without one). */
    public Multi<Statement> statementAdded(QuoteFilter filter) {
        Predicate<StatementEvent> predicate = e -> true;
        if (filter != null) {
            StatementService.check(filter);
            predicate = matching(filter);
        }
        return feed.statements(predicate).emitOn(DELIVERY, PREFETCH).invoke(e -> delivered(e.committedAtMicros()))
                .map(StatementEvent::statement);
    }

    /** Visit changes, optionally of one leader and/or one host country. */
    public Multi<VisitChange> visitChanged(String leader, String hostCountry) {
        String country = hostCountry == null ? null : hostCountry.strip().toUpperCase(Locale.ROOT);
        Predicate<VisitChange> predicate = c -> (leader == null || leader.equals(c.leader))
                && (country == null || country.equals(c.hostCountry));
        return feed.visits(predicate).emitOn(DELIVERY, PREFETCH).invoke(c -> delivered(c.committedAtMicros));
    }

    /** The quotes list's criteria, evaluated on one new statement. */
    static Predicate<StatementEvent> matching(QuoteFilter filter) {
        List<String> words = filter.text == null ? List.of() : QuoteSearch.terms(filter.text);
        String outlet = filter.outlet == null ? null : StatementService.outletKey(filter.outlet);
        return e -> (filter.sector == null || e.sectors().contains(filter.sector))
                && (filter.project == null || e.projects().contains(filter.project))
                && (filter.speaker == null || filter.speaker.equals(e.speaker()))
                && (filter.visit == null || filter.visit.equals(e.visit()))
                && (filter.source == null || filter.source.equals(e.source()))
                && (outlet == null || outlet.equals(StatementService.outletKey(e.outlet())))
                && (filter.kind == null || filter.kind == e.statement().kind)
                && (filter.from == null || (e.date() != null && !e.date().isBefore(filter.from)))
                && (filter.to == null || (e.date() != null && !e.date().isAfter(filter.to)))
                && e.terms().containsAll(words);
    }
}
