package dev.diplograph.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events one transaction has produced so far; they are published only when it commits. Events
 * beyond the per-transaction cap are counted, not kept, so a huge import cannot fill the heap.
 */
public final class Changes {

    private final int cap;
    private final List<Long> statements = new ArrayList<>();
    private final Map<Long, VisitEvent> visits = new LinkedHashMap<>();
    private int dropped;

    Changes(int cap) {
        this.cap = cap;
    }

    /** A statement was created. */
    public void statementAdded(long id) {
        if (size() >= cap) {
            dropped++;
            return;
        }
        statements.add(id);
    }

    /** A visit was created, updated or deleted; several changes of one visit merge into one event. */
    public void visitChanged(VisitEvent event) {
        VisitEvent earlier = visits.get(event.id());
        if (earlier == null && size() >= cap) {
            dropped++;
            return;
        }
        ChangeKind change = event.change();
        if (earlier != null && earlier.change() == ChangeKind.CREATED && change == ChangeKind.UPDATED) {
            change = ChangeKind.CREATED; // created and then given areas in one transaction: still new
        }
        visits.put(event.id(), new VisitEvent(event.id(), event.key(), event.leader(), event.hostCountry(), change));
    }

    int size() {
        return statements.size() + visits.size();
    }

    int dropped() {
        return dropped;
    }

    boolean isEmpty() {
        return statements.isEmpty() && visits.isEmpty();
    }

    ChangeBatch batch(long committedAtMicros) {
        return new ChangeBatch(List.copyOf(statements), List.copyOf(visits.values()), committedAtMicros);
    }
}
