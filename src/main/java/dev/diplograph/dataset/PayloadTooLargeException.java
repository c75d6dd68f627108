package dev.diplograph.dataset;

/** A request body exceeds the configured maximum; it was not applied. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("The body is larger than the maximum of " + limit + " bytes (diplograph.datasets.max-body-size). "
                + "Nothing was written.", null, false, false);
    }
}
