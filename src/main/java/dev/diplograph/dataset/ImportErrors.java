package dev.diplograph.dataset;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one import, up to a cap, so a hostile document cannot exhaust memory. */
final class ImportErrors {

    static final int MAX = 1000;

    private final List<DatasetError> errors = new ArrayList<>();
    private int dropped;

    void add(String pointer, String message) {
        if (errors.size() < MAX) {
            errors.add(new DatasetError(pointer, message));
        } else {
            dropped++;
        }
    }

    void addAll(List<DatasetError> more) {
        more.forEach(e -> add(e.pointer(), e.message()));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws with every error collected, if there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidDatasetException(errors, dropped);
        }
    }
}
