package dev.diplograph.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.diplograph.pagination.Where;
import dev.diplograph.persistence.Database;

/**
 * Word search over quote texts, index-backed on each database, whatever the accents: PostgreSQL's
 * full-text search (a GIN index over {@code to_tsvector('simple', diplograph_fold(quote_text))}) and,
 * in H2, the {@code statement_term} table of each statement's folded words ({@link Folding}).
 */
public final class QuoteSearch {

    /** Longest word kept in the H2 term index; longer words are cut to this length on both sides. */
    public static final int MAX_TERM = 64;

    /**
     * PostgreSQL's criterion on the generated column {@code quote_search} (to_tsvector('simple',
     * diplograph_fold(quote_text))), which the GIN index statement_quote_search_idx covers.
     */
    static final String POSTGRESQL_CRITERION = "s.quote_search @@ plainto_tsquery('simple', diplograph_fold(:text))";

    /**
     * H2's criterion for {@code n} terms {@code :term0} … (rarest first): statements indexed under
     * {@code :term0} that are indexed under every other term too (probed by the term table's key),
     * plus those still waiting for the indexer whose text has every word of {@code :words} (the
     * terms separated by spaces), which the SQL function {@link PendingMatch#hasWords} checks.
     */
    static String h2Criterion(int n) {
        StringBuilder sql = new StringBuilder("s.id IN (SELECT m.statement_id FROM ("
                + "SELECT t0.statement_id FROM statement_term t0 WHERE t0.term = :term0");
        for (int i = 1; i < n; i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM statement_term t").append(i).append(" WHERE t").append(i)
                    .append(".term = :term").append(i).append(" AND t").append(i)
                    .append(".statement_id = t0.statement_id)");
        }
        // The derived table m matters: with the UNION directly inside IN, H2 re-runs it for every row
        // of statement instead of looking the matches up by key (QuoteSearchIndexTest checks the plan).
        return sql.append(" UNION ALL SELECT p.statement_id FROM statement_term_pending p"
                + " JOIN statement ps ON ps.id = p.statement_id WHERE DIPLOGRAPH_HAS_WORDS(ps.quote_text, :words)"
                + " UNION ALL SELECT rs.id FROM statement_term_pending_range r"
                + " JOIN statement rs ON rs.id BETWEEN r.first_id AND r.last_id"
                + " WHERE DIPLOGRAPH_HAS_WORDS(rs.quote_text, :words)) m)")
                .toString();
    }

    /**
     * H2's criterion when even the rarest of the {@code n} terms is common: each statement, in the
     * order the query reads them, is probed by the term table's key for every term, so a page of
     * matches costs a few probes per row instead of materializing a large posting list.
     */
    static String h2CommonCriterion(int n) {
        StringBuilder sql = new StringBuilder("((");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " AND ").append("EXISTS (SELECT 1 FROM statement_term t").append(i)
                    .append(" WHERE t").append(i).append(".term = :term").append(i).append(" AND t").append(i)
                    .append(".statement_id = s.id)");
        }
        // Ranges of new ids are few (one per import or mutation until the indexer catches up), so
        // probing all of them per statement is cheap.
        return sql.append(") OR ((EXISTS (SELECT 1 FROM statement_term_pending p WHERE p.statement_id = s.id)"
                + " OR EXISTS (SELECT 1 FROM statement_term_pending_range r WHERE s.id BETWEEN r.first_id AND r.last_id))"
                + " AND DIPLOGRAPH_HAS_WORDS(s.quote_text, :words)))").toString();
    }

    /** Postings counted per term to find the rarest one; beyond this a term just counts as common. */
    static final int RARITY_PROBE = 10_000;

    private QuoteSearch() {
    }

    /** The distinct words of {@code text}, folded ({@link Folding}), in order of first appearance. */
    public static List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String folded = Folding.fold(text);
        forEachWord(folded, (start, end) -> terms.add(folded.substring(start, end)));
        return new ArrayList<>(terms);
    }

    /** Receives a word of a folded text as its bounds in that text. */
    @FunctionalInterface
    interface WordAction {
        void accept(int start, int end);
    }

    /**
     * Calls {@code action} for each word of {@code folded}: each longest run of letters and digits in
     * any script (Unicode categories L and N), cut to {@link #MAX_TERM} characters.
     */
    static void forEachWord(String folded, WordAction action) {
        int start = -1;
        for (int i = 0; i < folded.length();) {
            int c = folded.codePointAt(i);
            boolean word = isWordChar(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                action.accept(start, Math.min(i, start + MAX_TERM));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            action.accept(start, Math.min(folded.length(), start + MAX_TERM));
        }
    }

    /** A letter or digit in the sense of the regular expression {@code [\p{L}\p{N}]}. */
    static boolean isWordChar(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= '0' && codePoint <= '9'
                    || codePoint >= 'A' && codePoint <= 'Z';
        }
        switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    /**
     * Restricts the native statement query (alias {@code s}) to texts that contain every word of
     * {@code text}, whatever their order and case.
     */
    static void constrain(Where where, Database database, String text) {
        if (database.kind() == Database.Kind.POSTGRESQL) {
            where.and(POSTGRESQL_CRITERION, "text", text);
        } else {
            // Drive the lookup from the rarest term and probe the others: a frequent word then costs
            // one key probe per candidate instead of a scan of its whole posting list.
            List<String> terms = new ArrayList<>(terms(text));
            Map<String, Long> postings = new HashMap<>();
            for (String term : terms) {
                postings.put(term, database.session().createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM"
                        + " statement_term WHERE term = :term LIMIT :probe) x", Long.class)
                        .setParameter("term", term).setParameter("probe", RARITY_PROBE).getSingleResult());
            }
            terms.sort(Comparator.comparing(postings::get));
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < terms.size(); i++) {
                params.put("term" + i, terms.get(i));
            }
            params.put("words", String.join(" ", terms));
            boolean common = postings.get(terms.get(0)) >= RARITY_PROBE;
            where.and(common ? h2CommonCriterion(terms.size()) : h2Criterion(terms.size()), params);
        }
    }
}
