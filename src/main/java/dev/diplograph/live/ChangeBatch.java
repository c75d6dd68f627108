package dev.diplograph.live;

import java.time.Instant;
import java.util.List;

/**
 * The events of one committed transaction (or a part of them), in the order they happened, with the
 * time of the commit in microseconds since the epoch (0 when unknown).
 */
record ChangeBatch(List<Long> statementsAdded, List<VisitEvent> visitsChanged, long committedAtMicros) {

    /** Now, in microseconds since the epoch. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
