package dev.diplograph.dataset;

/** An import body compressed with a coding the service cannot read; refused before it is read. */
public class UnsupportedContentEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentEncodingException(String encoding) {
        super("Content-Encoding '" + encoding + "' is not supported: send the document as it is, or compressed once"
                + " with gzip (Content-Encoding: gzip). Nothing was written.", null, false, false);
    }
}
