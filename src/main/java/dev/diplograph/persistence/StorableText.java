package dev.diplograph.persistence;

import java.util.Locale;

/**
 * Finds the characters that would not survive a write: PostgreSQL's text type refuses U+0000 (NUL),
 * and a lone UTF-16 surrogate has no UTF-8 encoding (PostgreSQL's driver stores it as '?', H2 keeps
 * it, so the same write would differ by database).
 */
public final class StorableText {

    private StorableText() {
    }

    /** The index of the first character no database can store as sent, or -1 when there is none. */
    public static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code text} cannot be stored, for an error message: names the character at {@code at} and
     * its position (counted from 1, in UTF-16 code units as JSON escapes count them).
     */
    public static String problem(String text, int at) {
        char c = text.charAt(at);
        String what = c == '\u0000'
                ? "the character U+0000 (NUL), which PostgreSQL cannot store"
                : String.format(Locale.ROOT, "an unpaired surrogate \\u%04X, which is not a Unicode character", (int) c);
        return "must not contain " + what + " (at character " + (at + 1) + ")";
    }
}
