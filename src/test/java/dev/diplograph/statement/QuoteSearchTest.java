package dev.diplograph.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Words are folded (case and accents) and split as a regular expression for letters and digits would,
 * and the two ways H2 answers a text search agree: the term index and the SQL function for statements
 * still waiting for the indexer.
 */
class QuoteSearchTest {

    static final List<String> TEXTS = List.of(
            "Talks are underway on Türkiye's Sinop Nuclear Power Plant, and Seoul hopes to contribute.",
            "K-ETA: 100% streamlined; 대한민국 and TÜRKIYE are 'brothers' since 1950.",
            "Nuclear-power\nplants, power of the people; İstanbul ÉTÉ été.",
            "x".repeat(70) + " tail",
            "Kırıkkale and Tu\u0308rkiye, typed with a separate accent; Łódź, Ørsted, Việt Nam, Đà Nẵng.",
            "The Außenminister and the ÆSIR troupe staged an Œuvre on Hauptstraße 7; STRAẞE signs, ǽ.");

    static final List<String> QUERIES = List.of("sinop", "SINOP nuclear", "nuclear sino", "power plant",
            "türkiye", "Türkiye's", "k eta", "100", "1950 brothers", "대한민국", "people power", "été",
            "ÉTÉ plants", "tail " + "x".repeat(70), "x".repeat(64), "x".repeat(63), "are", "ar", "streamlined 100%",
            "turkiye", "TURKIYE", "türkiyé", "istanbul", "ISTANBUL", "İstanbul", "ete", "kirikkale", "lodz", "orsted",
            "viet nam", "da nang", "turk", "sinop turkiye", "aussenminister", "Außenminister", "ausenminister",
            "aesir", "Æsir", "oeuvre troupe", "hauptstrasse 7", "strasse", "asir", "ae");

    @Test
    void termsAreDistinctLowerCaseWords() {
        assertEquals(List.of("k", "eta", "100", "streamlined", "대한민국", "and", "turkiye", "are", "brothers", "since",
                "1950"), QuoteSearch.terms(TEXTS.get(1)));
        assertEquals(List.of("nuclear", "power", "plants", "of", "the", "people", "istanbul", "ete"),
                QuoteSearch.terms(TEXTS.get(2)));
        assertEquals(List.of("kirikkale", "and", "turkiye", "typed", "with", "a", "separate", "accent", "lodz", "orsted",
                "viet", "nam", "da", "nang"), QuoteSearch.terms(TEXTS.get(4)));
        assertEquals(List.of("x".repeat(QuoteSearch.MAX_TERM), "tail"), QuoteSearch.terms(TEXTS.get(3)));
        assertEquals(List.of("the", "aussenminister", "and", "aesir", "troupe", "staged", "an", "oeuvre", "on",
                "hauptstrasse", "7", "strasse", "signs", "ae"), QuoteSearch.terms(TEXTS.get(5)));
    }

    @Test
    void wordCharactersAreExactlyTheRegularExpressionsLettersAndDigits() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]");
        int words = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean expected = word.matcher(Character.toString(c)).matches();
            assertEquals(expected, QuoteSearch.isWordChar(c), "U+" + Integer.toHexString(c));
            words += expected ? 1 : 0;
        }
        assertTrue(words > 100_000, "word characters: " + words);
    }

    @Test
    void thePendingMatchFindsExactlyWhatTheTermIndexWould() {
        int matches = 0;
        for (String text : TEXTS) {
            List<String> indexed = QuoteSearch.terms(text);
            for (String query : QUERIES) {
                List<String> wanted = QuoteSearch.terms(query);
                boolean byIndex = indexed.containsAll(wanted);
                boolean pending = PendingMatch.hasWords(text, String.join(" ", wanted));
                assertEquals(byIndex, pending, "query \"" + query + "\" on \"" + text + "\"");
                matches += byIndex ? 1 : 0;
            }
        }
        // both outcomes occur, so the comparison above means something
        assertTrue(matches > 10 && matches < TEXTS.size() * QUERIES.size() - 10, "matches: " + matches);
    }
}
