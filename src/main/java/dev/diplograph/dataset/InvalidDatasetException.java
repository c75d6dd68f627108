package dev.diplograph.dataset;

import java.util.List;

/** Thrown when a dataset document cannot be applied; carries every problem found, not just the first. */
public class InvalidDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DatasetError> errors;

    public InvalidDatasetException(List<DatasetError> errors) {
        super(errors.size() + " problem(s) in the dataset, first: " + errors.get(0).pointer() + ": "
                + errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<DatasetError> errors() {
        return errors;
    }
}
