package dev.diplograph.statement;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * H2's SQL function {@code DIPLOGRAPH_HAS_WORDS(text, words)} (migration {@code h2/V9}), which finds
 * statements still waiting for the term indexer the way the term index will: same folding, same
 * words. H2 calls it by this class and method name, so renaming either needs a migration.
 */
@RegisterForReflection(methods = true, fields = false)
public final class PendingMatch {

    /** The words of the last call, split: every row of one search passes the same string. */
    private static volatile Split last = new Split("", new String[0]);

    private PendingMatch() {
    }

    /**
     * Whether {@code text} has every word of {@code words} (terms as {@link QuoteSearch#terms} makes
     * them, separated by single spaces) among its own terms.
     */
    public static boolean hasWords(String text, String words) {
        if (text == null || words == null) {
            return false;
        }
        Split split = last;
        if (!split.words.equals(words)) {
            split = new Split(words, words.isEmpty() ? new String[0] : words.split(" "));
            last = split;
        }
        String[] wanted = split.terms;
        boolean[] found = new boolean[wanted.length];
        int[] missing = { wanted.length };
        String folded = Folding.fold(text);
        QuoteSearch.forEachWord(folded, (start, end) -> {
            for (int i = 0; i < wanted.length; i++) {
                if (!found[i] && wanted[i].length() == end - start
                        && folded.regionMatches(start, wanted[i], 0, end - start)) {
                    found[i] = true;
                    missing[0]--;
                }
            }
        });
        return missing[0] == 0;
    }

    private record Split(String words, String[] terms) {
    }
}
