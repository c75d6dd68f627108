package dev.diplograph.http;

import java.util.ArrayList;
import java.util.List;

/** Reads Content-Encoding the same way wherever a request body is taken in. */
public final class ContentCodings {

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
}
