package dev.diplograph.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads Content-Encoding the same way wherever a request body is taken in, and Accept-Encoding wherever an answer is tagged. */
public final class ContentCodings {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ContentCodings() {
    }

    /**
     * The codings applied to a body, in order, from every Content-Encoding header value (each may be
     * a list); {@code identity} and empty items are no coding and are left out.
     */
    public static List<String> applied(List<String> headerValues) {
        List<String> codings = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String coding : value.split(",", -1)) {
                    String trimmed = coding.trim();
                    if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("identity")) {
                        codings.add(trimmed);
                    }
                }
            }
        }
        return codings;
    }

    /**
     * What an answer's ETag records of the coding it will be sent in: the Accept-Encoding header
     * without spaces. The server's compression (Netty's) chooses gzip, deflate or none from that header
     * alone, so two answers with the same key are in the same coding. Case is kept because Netty's
     * choice depends on it (it compresses for "gzip" but not for "GZIP"), and a substring test for gzip
     * gave a deflated and an uncompressed answer one tag.
     */
    public static String acceptedKey(String acceptEncoding) {
        return acceptEncoding == null ? "" : SPACES.matcher(acceptEncoding).replaceAll("");
    }
}
