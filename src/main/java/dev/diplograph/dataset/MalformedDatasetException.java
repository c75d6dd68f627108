package dev.diplograph.dataset;

import com.fasterxml.jackson.core.JsonLocation;

/** The request body is not a well-formed UTF-8 JSON document; nothing has been written. */
public class MalformedDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    public MalformedDatasetException(String message, JsonLocation location) {
        super(message, null, false, false);
        this.line = location == null ? -1 : location.getLineNr();
        this.column = location == null ? -1 : location.getColumnNr();
    }

    /** Line of the problem (1-based), or -1 when unknown. */
    public long line() {
        return line;
    }

    /** Column of the problem (1-based), or -1 when unknown. */
    public long column() {
        return column;
    }
}
