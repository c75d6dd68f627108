package dev.diplograph.dataset;

import java.util.Map;

/** What an import did: per record type, how many records it created and updated, and how long it took. */
public record ImportReport(Map<String, Counts> records, long elapsedMillis) {

    /** Created and updated counts of one record type. */
    public record Counts(int created, int updated) {
    }
}
