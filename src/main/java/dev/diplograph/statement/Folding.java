package dev.diplograph.statement;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds text for search so that a word matches however its accents are written: "Turkiye" finds
 * "Türkiye", "istanbul" finds "İstanbul", "athina" finds "Athína". Accents are the combining marks
 * U+0300 to U+036F of a letter's canonical decomposition, plus a few letters read as a plain one
 * ({@link #plainFrom()}) or as two ({@link #expanded()}: "strasse" finds "Straße"). H2's term index
 * folds here; PostgreSQL through the SQL function {@code diplograph_fold} (migration
 * {@code postgresql/V10}), which does the same with {@code normalize}, {@code regexp_replace},
 * {@code translate} and {@code replace}; {@code FoldingTest} checks the two agree.
 */
public final class Folding {

    private static final Pattern ACCENTS = Pattern.compile("[\\u0300-\\u036F]+");

    /** Letters without a decomposable accent that are still read as a plain letter, and what they read as. */
    private static final String PLAIN_FROM = "ıøØđĐłŁħĦ";
    private static final String PLAIN_TO = "iooddllhh";

    /** Letters read as two plain letters (after lower-casing, so Æ, Œ and ẞ too), and what they read as. */
    private static final String EXPANDED_FROM = "ßæœ";
    private static final String[] EXPANDED_TO = { "ss", "ae", "oe" };
    private static final Map<String, String> EXPANDED = new HashMap<>();

    static {
        for (int i = 0; i < EXPANDED_FROM.length(); i++) {
            EXPANDED.put(EXPANDED_FROM.substring(i, i + 1), EXPANDED_TO[i]);
        }
    }

    private Folding() {
    }

    /** {@code text} in lower case, without accents; letters of any script are otherwise kept. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        if (ascii) {
            return lower;
        }
        String plain = withoutAccents(lower);
        StringBuilder expanded = null;
        for (int i = 0; i < plain.length(); i++) {
            int at = EXPANDED_FROM.indexOf(plain.charAt(i));
            if (at >= 0 && expanded == null) {
                expanded = new StringBuilder(plain.length() + 8).append(plain, 0, i);
            }
            if (expanded != null) {
                if (at >= 0) {
                    expanded.append(EXPANDED_TO[at]);
                } else {
                    expanded.append(plain.charAt(i));
                }
            }
        }
        return expanded == null ? plain : Normalizer.normalize(expanded, Normalizer.Form.NFC);
    }

    /**
     * {@code text} without accents, its case kept ("Erdoğan" reads "Erdogan", "Łódź" "Lodz"): what
     * {@link #fold} does before lower-casing aside, and without reading one letter as two.
     */
    public static String withoutAccents(String text) {
        String stripped = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder plain = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            int at = PLAIN_FROM.indexOf(c);
            if (at < 0) {
                plain.append(c);
            } else {
                plain.append(Character.isUpperCase(c) ? Character.toUpperCase(PLAIN_TO.charAt(at)) : PLAIN_TO.charAt(at));
            }
        }
        return Normalizer.normalize(plain, Normalizer.Form.NFC);
    }

    /** The letters read as a plain letter, in the order of {@link #plainTo()} (PostgreSQL's {@code translate}). */
    public static String plainFrom() {
        return PLAIN_FROM;
    }

    /** What each letter of {@link #plainFrom()} is read as. */
    public static String plainTo() {
        return PLAIN_TO;
    }

    /** The lower-case letters read as two plain letters, each with what it reads as. */
    public static Map<String, String> expanded() {
        return Collections.unmodifiableMap(EXPANDED);
    }
}
