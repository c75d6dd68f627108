package dev.diplograph.live;

import java.util.List;

/** The events of one committed transaction (or a part of them), in the order they happened. */
record ChangeBatch(List<Long> statementsAdded, List<VisitEvent> visitsChanged) {
}
