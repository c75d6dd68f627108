package dev.diplograph.dataset;

import java.util.Map;

/**
 * What an import did: per record type, how many records it created and updated, how long it took,
 * and whether it was a dry run (rolled back: the counts say what it would have done).
 */
public record ImportReport(Map<String, Counts> records, long elapsedMillis, boolean dryRun) {

    public ImportReport(Map<String, Counts> records, long elapsedMillis) {
        this(records, elapsedMillis, false);
    }

    /** The same report, for an import that was rolled back. */
    ImportReport asDryRun() {
        return new ImportReport(records, elapsedMillis, true);
    }

    /** Created and updated counts of one record type. */
    public record Counts(int created, int updated) {
    }
}
