package dev.diplograph.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.diplograph.pagination.Where;
import dev.diplograph.persistence.Database;

/**
 * Word search over quote texts, index-backed on each database: PostgreSQL's full-text search (a GIN
 * index over {@code to_tsvector('simple', quote_text)}) and, in H2, the {@code statement_term} table
 * that the dataset writer fills with each statement's words.
 */
public final class QuoteSearch {

    /** Longest word kept in the H2 term index; longer words are cut to this length on both sides. */
    public static final int MAX_TERM = 64;

    /** A word: letters and digits in any script (H2's backfill migration uses the same expression). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** PostgreSQL's criterion on {@code s.quote_text}; the GIN index statement_quote_search_idx has the same expression. */
    static final String POSTGRESQL_CRITERION = "to_tsvector('simple', s.quote_text) @@ plainto_tsquery('simple', :text)";

    /**
     * H2's criterion: statements whose indexed words include all {@code :termCount} {@code :terms} (by
     * the term table's key), plus those still waiting for the indexer whose text matches
     * {@code :wordsPattern}.
     */
    static final String H2_CRITERION = "s.id IN ("
            + "SELECT t.statement_id FROM statement_term t WHERE t.term IN (:terms)"
            + " GROUP BY t.statement_id HAVING COUNT(*) = :termCount"
            + " UNION ALL SELECT p.statement_id FROM statement_term_pending p"
            + " JOIN statement ps ON ps.id = p.statement_id WHERE REGEXP_LIKE(ps.quote_text, :wordsPattern))";

    /** Not a letter or digit: what separates words, on both sides of a term in {@link #wordsPattern}. */
    private static final String EDGE = "[\\p{L}\\p{N}]";

    private QuoteSearch() {
    }

    /** The distinct lower-cased words of {@code text}, in order of first appearance. */
    public static List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            terms.add(word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word);
        }
        return new ArrayList<>(terms);
    }

    /**
     * Restricts the native statement query (alias {@code s}) to texts that contain every word of
     * {@code text}, whatever their order and case.
     */
    static void constrain(Where where, Database.Kind kind, String text) {
        if (kind == Database.Kind.POSTGRESQL) {
            where.and(POSTGRESQL_CRITERION, "text", text);
        } else {
            List<String> terms = terms(text);
            where.and(H2_CRITERION, Map.of("terms", terms, "termCount", (long) terms.size(),
                    "wordsPattern", wordsPattern(terms)));
        }
    }

    /**
     * A regular expression that a text matches when it contains every term as a whole word, in any
     * order and case: what the term index finds, for statements not indexed yet. A term cut to
     * {@link #MAX_TERM} characters may continue in the text.
     */
    static String wordsPattern(List<String> terms) {
        StringBuilder pattern = new StringBuilder("(?isu)^");
        for (String term : terms) {
            pattern.append("(?=.*(?<!").append(EDGE).append(')').append(Pattern.quote(term));
            if (term.length() < MAX_TERM) {
                pattern.append("(?!").append(EDGE).append(')');
            }
            pattern.append(')');
        }
        return pattern.toString();
    }
}
