package dev.diplograph.dataset;

import java.util.Map;

/** What an import did: per record type, how many records it created and how many it updated. */
public record ImportReport(Map<String, Counts> records) {

    /** Created and updated counts of one record type. */
    public record Counts(int created, int updated) {
    }
}
