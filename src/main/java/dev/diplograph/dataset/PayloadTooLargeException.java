package dev.diplograph.dataset;

/** A request body exceeds the configured maximum; it was not applied. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        this(limit, false);
    }

    /** {@code decompressed}: the limit was passed by the document a gzip body expands to. */
    public PayloadTooLargeException(long limit, boolean decompressed) {
        super((decompressed ? "The document, once decompressed, is" : "The body is") + " larger than the maximum of "
                + limit + " bytes (diplograph.datasets.max-body-size). Nothing was written.", null, false, false);
    }
}
