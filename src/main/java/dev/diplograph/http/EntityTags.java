package dev.diplograph.http;

import dev.diplograph.graphql.PersistedQueries;

/** The one ETag scheme and If-None-Match rule of every answer the service lets clients revalidate. */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * The strong ETag of {@code representation} (a request and its media type, or a document and its
     * coding) for a build and a data version: the same three always give the same bytes.
     */
    public static String of(String build, long version, String representation) {
        return "\"" + version + "-" + PersistedQueries.sha256(build + "\n" + representation).substring(0, 32) + "\"";
    }

    /**
     * If-None-Match (RFC 9110, 13.1.2): "*", or a list of tags compared weakly, so that the tag a
     * proxy weakened when it compressed an answer ({@code W/"…"}) still revalidates it.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",", -1)) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
