package dev.diplograph.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.diplograph.error.BadUserInputException;

/**
 * Opaque keyset cursors. A cursor names the connection it belongs to, so a cursor taken from one
 * connection is refused by another instead of silently paging through the wrong list.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '|';

    private Cursor() {
    }

    /** Encodes the sort key of one node. Parts must not contain '|' (slugs, keys, ISO dates and ids do not). */
    public static String encode(String connection, Object... parts) {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(connection);
        for (Object part : parts) {
            text.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor of the given connection into its parts.
     *
     * @throws BadUserInputException if the cursor is malformed or belongs to another connection
     */
    public static List<String> decode(String cursor, String connection, int partCount) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(connection);
        }
        List<String> parts = List.of(text.split("\\" + SEPARATOR, -1));
        if (parts.size() != partCount + 2 || !VERSION.equals(parts.get(0)) || !connection.equals(parts.get(1))) {
            throw invalid(connection);
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid(connection);
            }
        }
        return parts.subList(2, parts.size());
    }

    /** The error for a cursor whose parts decode but do not parse. */
    public static BadUserInputException invalid(String connection) {
        return new BadUserInputException("Argument 'after' is not a valid cursor of the " + connection
                + " connection; pass an endCursor or edge cursor that this connection returned.");
    }
}
