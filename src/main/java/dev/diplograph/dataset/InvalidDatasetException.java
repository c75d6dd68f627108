package dev.diplograph.dataset;

import java.util.List;

/** Thrown when a dataset or record cannot be applied; carries every problem found, not just the first. */
public class InvalidDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DatasetError> errors;
    private final int omitted;

    public InvalidDatasetException(List<DatasetError> errors) {
        this(errors, 0);
    }

    public InvalidDatasetException(List<DatasetError> errors, int omitted) {
        super(errors.size() + omitted + " problem(s), first: " + errors.get(0).pointer() + ": "
                + errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
        this.omitted = omitted;
    }

    /** The problems, at most {@value ImportErrors#MAX}. */
    public List<DatasetError> errors() {
        return errors;
    }

    /** How many further problems were found but not listed. */
    public int omitted() {
        return omitted;
    }
}
