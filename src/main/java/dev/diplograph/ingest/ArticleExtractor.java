package dev.diplograph.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.diplograph.statement.Statement;

/**
 * Proposes statements from the plain text of a news article, the way a careful editor reads one:
 * direct quotes are the verbatim spans between quotation marks (straight or curly, joined when a
 * quote runs on across sentences), attributed through the reporting clause of their sentence
 * ("Lee said", "he added", "the president said"), with pronouns and titles resolved to the last
 * named speaker; paraphrases are sentences of reported speech with the reporting clause taken out.
 * Quoted words and short phrases inside a sentence (fewer than {@value #MIN_QUOTE_WORDS} words) are
 * fragments, not quotes. Statements by people who are not known leaders are left out. Pure logic,
 * no database: the caller supplies the {@link Lexicon}.
 */
public final class ArticleExtractor {

    /** Quotes shorter than this many words are fragments of the surrounding sentence. */
    static final int MIN_QUOTE_WORDS = 5;
    /** Paraphrases shorter than this many words say too little to keep. */
    static final int MIN_PARAPHRASE_WORDS = 6;

    private static final String VERBS = "said|says|say|added|adds|adding|noted|notes|noting|stressed|stresses|stressing"
            + "|told|tells|explained|explains|explaining|emphasized|emphasised|emphasizing|underlined|underlining"
            + "|remarked|stated|states|declared|insisted|warned|urged|pointed out|affirmed|reiterated|announced"
            + "|wrote|writes|posted|(?:was|is) quoted as saying|expressed (?:his |her )?(?:hope|confidence|belief)";
    private static final Pattern VERB = Pattern.compile("\\b(?:" + VERBS + ")\\b");
    /** Verbs that also take things other than speech as their object ("wrote a letter", "urged companies to invest"). */
    private static final Pattern OBJECT_VERB = Pattern.compile("wrote|writes|posted|urged|urges|expressed.*");
    /** The end of a clause that announces what was said: "that" or a colon. */
    private static final String ANNOUNCING = "(?:\\bthat|:)\\s*$";
    private static final Pattern ANNOUNCES = Pattern.compile(ANNOUNCING);
    /** Words with which a reporting clause goes on to say more ("…, Lee said, adding that", "…, and added that"). */
    private static final String GOING_ON = "adding|noting|stressing|explaining|saying|and\\s+(?:added|noted|stressed|explained)";
    private static final Pattern ACCORDING_TO = Pattern.compile("\\b[Aa]ccording to\\s+");
    /** ", saying (that)" after what a speaker did: the speaker said what follows. */
    private static final Pattern SAYING = Pattern.compile(",\\s*saying(?:\\s+that)?\\b");
    private static final Pattern OPENING_PRONOUN = Pattern.compile("(?:He|She)\\b");
    /** A name opening the sentence, or following a title there ("President Lee Jae Myung"). */
    private static final Pattern SUBJECT_NAME = Pattern.compile("\\s*([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,5})");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    /** A speech verb coordinated with the subject's first verb ("Lee arrived on Monday and said"). */
    private static final Pattern COORDINATED = Pattern.compile("\\band\\s+(?:then\\s+|also\\s+|later\\s+)?$");
    /** How far back from the verb "and" may stand (" and then ", spaces included). */
    private static final int COORDINATED_CHARS = 24;
    /** Punctuation that starts another clause between a subject and its coordinated speech verb. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:]");
    /** A sentence that opens by introducing a person: a role, then a full name between commas ("The harbour master, Lena Vogt,"). */
    private static final Pattern INTRODUCED = Pattern.compile(
            "\\s*[Tt]he\\s+[^,.;:!?\"“”\\n]{1,60},\\s*([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){1,3})\\s*,");
    /** After a sentence's subject, a lower-case word that is not "and" or "or" (the subject's verb, as far as can be told). */
    private static final Pattern VERB_AFTER_SUBJECT = Pattern.compile("\\s+(?!(?:and|or)\\b)\\p{Ll}");
    private static final Pattern PRONOUN = Pattern.compile("\\b([Hh]e|[Ss]he)\\s+(?:further\\s+|also\\s+|then\\s+)?$");
    private static final Pattern CAPITALIZED_NAME = Pattern.compile(
            "([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,3})\\s+(?:further\\s+|also\\s+)?$");
    /** Longest speaker before a colon, when a sentence is only that once its quote is blanked ("Lee: …"). */
    private static final int SPEAKER_COLON_CHARS = 60;
    /** A name after a title and a comma ("the South Korean president, Lee Jae Myung"). */
    private static final Pattern APPOSITION = Pattern.compile("^\\s*,\\s*([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,3})");
    /** A name, with a title before it ("Borland President Bo Rand", "South Korean President Lee Jae Myung"). */
    private static final Pattern NAME_AFTER = Pattern.compile("^\\s+([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,5})");
    private static final Pattern CLAUSE_TAIL = Pattern.compile(
            "^(?:\\s*,?\\s*(?:" + GOING_ON + ")(?:\\s+that)?\\b|\\s+that\\b)?\\s*[:,]?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    /** What may stand between the two parts of an interrupted quote: a short clause ending in a comma. */
    private static final Pattern INTERRUPTION = Pattern.compile("\\s*,?\\s*[^.!?;:\"“”\\n]{1,80},\\s*");
    /** Days and other words that open a time adjunct of the reporting clause ("said on Tuesday that"). */
    private static final String DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight";
    /** Prepositions that open a place or occasion adjunct of the clause ("said in an interview that"). */
    private static final String PREPOSITIONS = "on|in|at|during|after|before|while|with|to|from|via|earlier|later|last|this";
    /** A word of an adjunct: no punctuation or quotation mark, which would end it. */
    private static final String ADJUNCT_WORD = "[^\\s,;:.!?\"“”]+";
    /** After the verb: an adjunct of up to eight words, then "that" ("said on Tuesday that", "said in an interview that"). */
    private static final Pattern ADJUNCT_THAT = Pattern.compile("^\\s+(?:(?:" + PREPOSITIONS + ")(?:\\s+" + ADJUNCT_WORD
            + "){1,7}?|(?:on\\s+)?(?:" + DAYS + "))\\s+that\\b");
    /** After "told": whom it was told to, up to six words, then "that" ("told the Aland News Agency that"). */
    private static final Pattern TOLD_THAT = Pattern.compile("^\\s+(?:" + ADJUNCT_WORD + "\\s+){1,6}?that\\b");
    /** After the verb: a day without "that" ("Lee said Tuesday the two countries ..."). */
    private static final Pattern DAY_AFTER = Pattern.compile("^\\s+(?:on\\s+)?(?:" + DAYS + ")\\b");
    /** The usual audiences of "told", without "that" ("told reporters", "told a joint news conference"). */
    private static final String AUDIENCES = "reporters|journalists|lawmakers|legislators|parliament|students|officials"
            + "|business leaders|delegates|diplomats|residents|community|press|audience|crowd|(?:news|press) conference";
    /** Whom something was told to, without "that": an audience, or a name ("told Anadolu Agency"). */
    private static final Pattern TOLD_OBJECT = Pattern.compile("^\\s+(?:(?:the|an?)\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?(?:"
            + AUDIENCES + ")\\b|^\\s+[A-Z][\\p{L}'’-]*(?:\\s+[A-Z][\\p{L}'’-]*){0,4}\\b");
    private static final Pattern TOLD = Pattern.compile("\\b(?:told|tells)\\b");
    private static final Pattern THAT = Pattern.compile("\\bthat\\b");
    /** After a clause that ends the report: the speaker's next deed, a past-tense verb after "and". */
    private static final Pattern NARRATED_AFTER = Pattern.compile("[,;]?\\s*and\\s+(?:then\\s+|later\\s+|also\\s+)?\\p{Ll}+ed\\b");
    /** Inside what was said, the clause going on with more of it (", adding that"). */
    private static final Pattern GOES_ON_INSIDE = Pattern.compile("\\s*,\\s*(?:" + GOING_ON + ")\\s+that\\s+");
    /** Whom it was told to, or an adjunct (group 1), before ", adding that" and the like. */
    private static final Pattern BEFORE_ADDING = Pattern.compile("^\\s+(?:(" + PREPOSITIONS + ")\\s+)?" + ADJUNCT_WORD
            + "(?:\\s+" + ADJUNCT_WORD + "){0,6}?(?=\\s*,\\s*(?:" + GOING_ON + ")\\b)");
    /** What ends a sentence after its reporting clause without being reported speech ("on Wednesday."). */
    private static final Pattern TRAILING_ADJUNCT = Pattern.compile("^(?:(?:" + PREPOSITIONS + "|" + DAYS + ")\\b"
            + "(?:\\s+" + ADJUNCT_WORD + "){0,7})?[.!?\"”’\\s]*$");
    /** A clause that ends in "that" or a colon, or that goes on with "adding" and the like: more is said after it. */
    private static final Pattern CLAUSE_GOES_ON = Pattern.compile(ANNOUNCING + "|\\b(?:" + GOING_ON + ")\\b");
    /** After "told": its object and adjuncts up to the end of the sentence ("told reporters in the capital."). */
    private static final Pattern TRAILING_OBJECT = Pattern.compile("^" + ADJUNCT_WORD + "(?:\\s+" + ADJUNCT_WORD
            + "){0,7}[.!?\"”’\\s]*$");
    /** A participle phrase about the speaker, not what was said ("…, speaking at a news conference", "asked about …"). */
    private static final String PARTICIPLES = "(?i:speaking|addressing|talking|writing|responding|replying|answering"
            + "|appearing|asked)\\b";
    /**
     * Such a phrase closing the sentence after a comma; not one that the sentence goes on after ("the
     * ministers, asked to draft a plan, would meet": a comma and a lower-case word follow it).
     */
    private static final Pattern SPEAKER_PARTICIPLE = Pattern.compile(",\\s*" + PARTICIPLES + "(?![^,;]*,\\s*\\p{Ll})");
    /**
     * An aside between the speaker and the verb, set off by commas ("Lee, speaking through an
     * interpreter, said", "Lee, who arrived on Monday, said", "Lee, in a speech to parliament, said",
     * "Lee, for his part, said").
     */
    private static final Pattern ASIDE = Pattern.compile(",\\s*(?:(?:" + PARTICIPLES + "|who(?:se)?\\b|(?:" + PREPOSITIONS
            + ")\\s)[^,;:.!?\"“”\\n]{1,80}|for\\s+(?:his|her|its|their)\\s+part|however|meanwhile|in\\s+turn),\\s*$");
    /** How far back from the verb an aside may start: its longest form and the commas around it. */
    private static final int ASIDE_CHARS = 120;
    /**
     * Any participle phrase after a comma, or opening the text ("drawing applause"), but one that
     * reports more ("expressing hope that …", "saying that …").
     */
    private static final Pattern CLOSING_PARTICIPLE = Pattern.compile("(?:^|,)\\s*[a-z]+ing\\b(?![^,;]*\\bthat\\b)");
    /** The same phrase opening the sentence ("Speaking at a news conference, Lee said that …"). */
    private static final Pattern OPENING_PARTICIPLE = Pattern.compile("^" + PARTICIPLES + "[^;]*$");
    /** An occasion opening the sentence ("In a speech at the forum, Lee said that …"), not a topic ("In the defense sector"). */
    private static final Pattern OPENING_OCCASION = Pattern.compile("^(?:In|At|During)\\s+(?:an?|the|his|her|its|their)\\s+"
            + "(?:[\\p{L}-]+\\s+){0,3}?(?:speech|interview|statement|address|meeting|message|letter|post|remarks"
            + "|(?:news|press) conference|briefing|forum|ceremony|summit)\\b[^;]*$");
    /**
     * A dateline at the very start of the article: " date 2030-09-21" as the seed article has it, or a
     * wire's "ANKARA (AA) -" / "SEOUL, Nov. 23 (Yonhap) --".
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:date\\s+\\d{4}-\\d{2}-\\d{2}\\b|[A-Z][A-Z .'-]{1,40}(?:,[^()\\n]{1,30})?\\s*\\([^()\\n]{1,40}\\)\\s*[-–—]{1,2})");

    private final Lexicon lexicon;

    public ArticleExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A proposed statement; {@code speaker} is a leader slug. */
    public record Proposal(String kind, String text, String speaker, Set<String> sectors, Set<String> projects,
            int start) {
    }

    /**
     * A quote: its text segments in the article (inner text, without the marks), its overall span,
     * and the spans of its quoted parts (one, or two for a quote its reporting clause interrupts).
     */
    record Quote(List<int[]> segments, int open, int close, List<int[]> parts) {

        Quote(List<int[]> segments, int open, int close) {
            this(segments, open, close, List.of(new int[] { open, close }));
        }

        /**
         * One quote of two parts that a reporting clause interrupts: "We are brothers," Lee said, "and
         * we will stay so." A first part shorter than a quote of its own is the sentence's opening, and
         * loses the comma the clause needed: "Our nations," Lee said, "are brothers" reads "Our nations
         * are brothers".
         */
        static Quote interrupted(Quote first, Quote second, String article) {
            List<int[]> segments = new ArrayList<>(first.segments());
            if (words(first.text(article)) < MIN_QUOTE_WORDS) {
                int[] last = segments.get(segments.size() - 1);
                int end = last[1];
                while (end > last[0] && (Character.isWhitespace(article.charAt(end - 1)) || article.charAt(end - 1) == ',')) {
                    end--;
                }
                segments.set(segments.size() - 1, new int[] { last[0], end });
            }
            segments.addAll(second.segments());
            List<int[]> parts = new ArrayList<>(first.parts());
            parts.addAll(second.parts());
            return new Quote(segments, first.open(), second.close(), parts);
        }

        String text(String article) {
            StringBuilder text = new StringBuilder();
            for (int[] segment : segments) {
                String part = article.substring(segment[0], segment[1]).strip();
                if (!part.isEmpty()) {
                    if (text.length() > 0) {
                        text.append(' ');
                    }
                    text.append(part);
                }
            }
            String joined = text.toString().replaceAll("\\s+", " ");
            return joined.replaceAll("[,;:\\s]+$", "");
        }
    }

    /**
     * Extracts the statements of {@code article}.
     *
     * @param defaultSpeaker slug used for quotes without any attribution, or null to leave them out
     */
    public List<Proposal> extract(String text, String defaultSpeaker) {
        String wording = withEnglishMarks(withoutDateline(text)); // what a quote's text is read from
        String article = withDoubleMarks(wording); // where quotes and clauses are found: the same offsets
        List<Quote> quotes = quotes(article);
        List<int[]> sentences = sentences(article, quotes);
        List<Proposal> proposals = new ArrayList<>();
        String lastSpeaker = null; // slug of the last named leader, or OTHER for someone unknown
        String lastQuoteSpeaker = null;
        int next = 0; // quotes and sentences are both in article order: walk them together
        for (int[] sentence : sentences) {
            while (next < quotes.size() && quotes.get(next).open() < sentence[0]) {
                next++;
            }
            List<Quote> inside = new ArrayList<>();
            for (int q = next; q < quotes.size() && quotes.get(q).open() < sentence[1]; q++) {
                if (quotes.get(q).close() <= sentence[1]) {
                    inside.add(quotes.get(q));
                }
            }
            inside = joinInterrupted(article, inside);
            List<Quote> direct = inside.stream().filter(q -> words(q.text(article)) >= MIN_QUOTE_WORDS).toList();
            String frame = frame(article, sentence, direct);
            Attribution attribution = attribute(frame, lastSpeaker);
            String introducedHere = introduced(frame); // read once: the quotes below and lastNamed use it
            String named = lastNamed(frame, lastSpeaker, introducedHere);
            String speaker = attribution == null ? null : attribution.speaker();
            String introduced = attribution == null ? introducedHere : null;
            for (Quote quote : direct) {
                String quoteSpeaker = speaker;
                if (quoteSpeaker == null) {
                    boolean opensSentence = article.substring(sentence[0], quote.open()).isBlank();
                    // "The harbour master, Lena Vogt, showed them the port: "…"" is hers; and the hint is for
                    // quotes nobody else may have said: not after someone else was named last
                    quoteSpeaker = introduced != null ? introduced
                            : opensSentence && lastQuoteSpeaker != null ? lastQuoteSpeaker
                            : Lexicon.OTHER.equals(lastSpeaker) ? Lexicon.OTHER : defaultSpeaker;
                }
                if (quoteSpeaker != null && !Lexicon.OTHER.equals(quoteSpeaker)) {
                    String context = article.substring(sentence[0], sentence[1]);
                    proposals.add(new Proposal("DIRECT", quote.text(wording), quoteSpeaker, lexicon.sectorsIn(context),
                            lexicon.projectsIn(context), quote.segments().get(0)[0]));
                }
                lastQuoteSpeaker = quoteSpeaker;
            }
            if (speaker != null && !Lexicon.OTHER.equals(speaker)) {
                String paraphrase = paraphrase(article, sentence, direct, attribution);
                if (paraphrase != null) {
                    proposals.add(new Proposal("PARAPHRASE", paraphrase, speaker, lexicon.sectorsIn(paraphrase),
                            lexicon.projectsIn(paraphrase), sentence[0]));
                }
            }
            lastSpeaker = speaker != null ? speaker : named;
            if (direct.isEmpty()) {
                lastQuoteSpeaker = null;
            }
        }
        // Quotation marks around more than a statement holds are a misplaced or missing mark, not a quote.
        proposals.removeIf(p -> p.text().codePointCount(0, p.text().length()) > Statement.MAX_TEXT);
        proposals.sort(Comparator.comparingInt(Proposal::start));
        return proposals;
    }

    /**
     * Joins a quote and the next one in its sentence when only a reporting clause stands between them
     * and the second goes on in lower case: one statement interrupted by who said it.
     */
    private static List<Quote> joinInterrupted(String article, List<Quote> quotes) {
        if (quotes.size() < 2) {
            return quotes;
        }
        List<Quote> joined = new ArrayList<>();
        Quote current = quotes.get(0);
        for (Quote next : quotes.subList(1, quotes.size())) {
            String between = article.substring(current.close(), next.open());
            String opening = article.substring(next.segments().get(0)[0], next.segments().get(0)[1]).strip();
            // two parts at most: a clause interrupts a quote once
            if (current.parts().size() == 1 && INTERRUPTION.matcher(between).matches() && VERB.matcher(between).find() && !opening.isEmpty()
                    && Character.isLowerCase(opening.codePointAt(0))) {
                current = Quote.interrupted(current, next, article);
            } else {
                joined.add(current);
                current = next;
            }
        }
        joined.add(current);
        return joined;
    }

    /** The article with its dateline blanked out (offsets kept), so that it never opens a statement. */
    static String withoutDateline(String article) {
        Matcher dateline = DATELINE.matcher(article);
        return dateline.find() ? " ".repeat(dateline.end()) + article.substring(dateline.end()) : article;
    }

    /**
     * The article with guillemets and low-9 marks written as the English curly marks they stand for
     * (« » and „ “ or „ ” as “ ”, and » « where the article's first guillemet points inwards), one
     * character for one so that every offset stays the article's; a no-break space just inside a
     * guillemet, as French typesetting puts it, becomes a plain space so that it is trimmed with the
     * quote's other spaces.
     */
    static String withEnglishMarks(String article) {
        char[] chars = null;
        boolean reversed = reversedGuillemets(article);
        char opening = reversed ? '»' : '«';
        char closing = reversed ? '«' : '»';
        boolean lowOpen = false; // inside a quote opened by „, where “ closes
        for (int i = 0; i < article.length(); i++) {
            char c = article.charAt(i);
            char english = c;
            if (c == opening || c == '„') {
                english = '“';
                lowOpen = c == '„';
            } else if (c == closing) {
                english = '”';
                lowOpen = false;
            } else if (c == '“' && lowOpen) {
                english = '”';
                lowOpen = false;
            } else if (c == '”') {
                lowOpen = false;
            } else if ((c == '\u00a0' || c == '\u202f')
                    && ((i > 0 && article.charAt(i - 1) == opening) || (i + 1 < article.length() && article.charAt(i + 1) == closing))) {
                english = ' ';
            }
            if (english != c) {
                if (chars == null) {
                    chars = article.toCharArray();
                }
                chars[i] = english;
            }
        }
        return chars == null ? article : new String(chars);
    }

    /** Whether the article's guillemets point inwards (»Wir sind Brüder«), as German and Danish print them. */
    private static boolean reversedGuillemets(String article) {
        int first = article.indexOf('»');
        int other = article.indexOf('«');
        return first >= 0 && other > first;
    }

    /**
     * The article with single quotation marks written as double ones when single marks are what it
     * quotes with (the British style: ‘We are brothers,’ he said.), and its double marks, then quotes
     * inside quotes, written as single ones; one character for one, so that every offset stays the
     * article's. It quotes with single marks when more quotes open with single marks than with double
     * ones, or as many and the first. An apostrophe stays one: a mark between two letters (Türkiye’s),
     * and a mark between two words (the leaders’ summit) when the quote is closed by a later mark before
     * the next quote opens or the paragraph ends, or, after an s (our workers’ skills), when no other
     * mark follows in the paragraph and the next paragraph opens with one: the quote runs on. An
     * article that quotes with double marks is returned as it is.
     */
    static String withDoubleMarks(String article) {
        int single = 0;
        int dual = 0;
        boolean singleFirst = false;
        for (int i = 0; i < article.length(); i++) {
            if (singleOpens(article, i)) {
                singleFirst |= single + dual == 0;
                single++;
            } else if (article.charAt(i) == '“' || article.charAt(i) == '"' && doubleOpens(article, i)) {
                dual++;
            }
        }
        if (single < dual || single == dual && !singleFirst) {
            return article;
        }
        // one pass from the end: whether a mark that surely closes comes before the next quote or paragraph,
        // and whether the paragraph ends with no mark at all and the next one opens with a mark (runs on)
        boolean[] closedLater = new boolean[article.length() + 1];
        boolean[] runsOn = new boolean[article.length() + 1];
        int nextText = -1;
        for (int i = article.length() - 1; i >= 0; i--) {
            char c = article.charAt(i);
            boolean opens = singleOpens(article, i); // each read once per character
            boolean closes = closesSingle(article, i);
            closedLater[i] = c != '\n' && !opens && (closes && !betweenWords(article, i) || closedLater[i + 1]);
            runsOn[i] = c == '\n' ? nextText >= 0 && singleOpens(article, nextText) : !opens && !closes && runsOn[i + 1];
            if (!Character.isWhitespace(c)) {
                nextText = i;
            }
        }
        char[] chars = article.toCharArray();
        boolean open = false;
        for (int i = 0; i < article.length(); i++) {
            char c = article.charAt(i);
            if (c == '“' || c == '”' || c == '"') {
                chars[i] = c == '“' ? '‘' : c == '”' ? '’' : '\''; // a quote inside a quote
            } else if (singleOpens(article, i) && (!open || c == '‘' || opensSentence(article, i))) {
                chars[i] = '“'; // inside an open quote: the quote runs on into the next sentence
                open = true;
            } else if (open && closesSingle(article, i) && !(betweenWords(article, i)
                    && (closedLater[i + 1] || article.charAt(i - 1) == 's' && runsOn[i + 1]))) {
                chars[i] = '”';
                open = false;
            } else if (!open && closesSingle(article, i) && i > 0 && ".,;:!?".indexOf(article.charAt(i - 1)) >= 0) {
                chars[i] = '”'; // a stray closing mark after a stop, ignored as a double one would be
            }
        }
        return new String(chars);
    }

    /**
     * Whether a single mark opens a quote at {@code i}: ‘, or ' after a space or bracket and before a
     * letter (before a digit it stands for the century: the '90s).
     */
    private static boolean singleOpens(String text, int i) {
        char c = text.charAt(i);
        if (c == '‘') {
            return true;
        }
        return c == '\'' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–".indexOf(text.charAt(i - 1)) >= 0)
                && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
    }

    /** Whether a straight double mark opens a quote at {@code i}: after a space or bracket and before a non-space. */
    private static boolean doubleOpens(String text, int i) {
        return (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–-:".indexOf(text.charAt(i - 1)) >= 0)
                && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    }

    /** Whether a single mark may close a quote at {@code i}: ’ or ' not followed by a letter or digit. */
    private static boolean closesSingle(String text, int i) {
        char c = text.charAt(i);
        return (c == '’' || c == '\'') && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
    }

    /** Whether a mark stands after a word and before the next one (‘brotherly’ ties, the leaders’ summit). */
    private static boolean betweenWords(String text, int i) {
        return i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) && i + 2 < text.length()
                && text.charAt(i + 1) == ' ' && Character.isLetterOrDigit(text.charAt(i + 2));
    }

    /**
     * Whether only spaces stand between {@code i} and a line break or a sentence's final stop before
     * it: there a straight mark inside an open quote opens its next sentence ('… three years. 'In
     * addition, …'), where elsewhere it is an apostrophe (rock 'n' roll).
     */
    private static boolean opensSentence(String text, int i) {
        int j = i - 1;
        while (j >= 0 && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= 0 && (text.charAt(j) == '\n' || j < i - 1 && ".!?".indexOf(text.charAt(j)) >= 0);
    }

    // ---------------------------------------------------------------- quotes

    /**
     * Finds the quotes. “ opens and ” closes; a straight quote opens when it follows a space or an
     * opening bracket and precedes a letter, and closes otherwise. An opening mark inside an open
     * quote, or a new quote separated from the last only by spaces, continues the same quote (the
     * way news agencies print a quote that runs across sentences). A closing mark with no open
     * quote is a stray mark and ignored.
     */
    static List<Quote> quotes(String text) {
        List<Quote> quotes = new ArrayList<>();
        List<int[]> segments = null;
        int open = -1;
        int segmentStart = -1;
        int lastClose = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opening;
            if (c == '\n' && segments != null) {
                int next = i + 1;
                boolean blankLine = false;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    blankLine |= text.charAt(next) == '\n';
                    next++;
                }
                if (leftOpen(text, i, next, blankLine)) {
                    segments.add(new int[] { segmentStart, i }); // a missing closing mark: the quote ends with its paragraph
                    quotes.add(new Quote(segments, open, i));
                    segments = null;
                    lastClose = -1;
                }
                i = next - 1; // only spaces and breaks up to next: each is looked at once, however many there are
                continue;
            }
            if (c == '“') {
                opening = true;
            } else if (c == '”') {
                opening = false;
            } else if (c == '"') {
                char before = i == 0 ? ' ' : text.charAt(i - 1);
                char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                opening = (Character.isWhitespace(before) || "([{—–-:".indexOf(before) >= 0)
                        && !Character.isWhitespace(after);
                if (!opening && segments == null && !Character.isWhitespace(after) && Character.isWhitespace(before)) {
                    opening = true;
                }
            } else {
                continue;
            }
            if (opening) {
                if (segments != null) {
                    segments.add(new int[] { segmentStart, i }); // runs on: the quote continues
                } else if (lastClose >= 0 && text.substring(lastClose + 1, i).isBlank()
                        && text.substring(lastClose + 1, i).indexOf('\n') < 0 && !quotes.isEmpty()) {
                    Quote previous = quotes.remove(quotes.size() - 1); // adjacent quotes are one quote
                    segments = previous.segments(); // the list this loop made: extended, not copied
                    open = previous.open();
                } else {
                    segments = new ArrayList<>();
                    open = i;
                }
                segmentStart = i + 1;
            } else if (segments != null) {
                segments.add(new int[] { segmentStart, i });
                quotes.add(new Quote(segments, open, i + 1));
                segments = null;
                lastClose = i;
            }
        }
        if (segments != null) {
            segments.add(new int[] { segmentStart, text.length() });
            quotes.add(new Quote(segments, open, text.length()));
        }
        return quotes;
    }

    /**
     * Whether a quote still open at the line break at {@code i} was left open by mistake: the text at
     * {@code next} (after the spaces and breaks that follow) does not open with a quotation mark, as a
     * quote that runs on into the next paragraph does, and the break ends a paragraph: a blank line
     * follows ({@code blankLine}), or the line ends a sentence (a hard-wrapped line does not).
     */
    private static boolean leftOpen(String text, int i, int next, boolean blankLine) {
        if (next == text.length() || text.charAt(next) == '“' || text.charAt(next) == '"') {
            return false;
        }
        if (blankLine) {
            return true;
        }
        int last = i - 1;
        while (last >= 0 && Character.isWhitespace(text.charAt(last)) && text.charAt(last) != '\n') {
            last--;
        }
        return last >= 0 && ".!?…".indexOf(text.charAt(last)) >= 0;
    }

    // ---------------------------------------------------------------- sentences

    /** Sentence spans; a boundary never falls inside a quote, nor after an initial such as "U.N.". */
    static List<int[]> sentences(String text, List<Quote> quotes) {
        // one pass over the quotes instead of a scan per character: linear in the article's length
        boolean[] inside = new boolean[text.length() + 1];
        boolean[] opens = new boolean[text.length() + 1];
        int[] closesAfter = new int[text.length() + 1];
        for (Quote quote : quotes) {
            opens[quote.open()] = true;
            for (int i = quote.open() + 1; i < quote.close() - 1; i++) {
                inside[i] = true;
            }
            if (quote.close() >= 2) {
                closesAfter[quote.close() - 2] = quote.close();
            }
        }
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paragraph = c == '\n';
            if (!paragraph && ".!?".indexOf(c) < 0) {
                continue;
            }
            int end = i + 1;
            if (closesAfter[i] > 0) {
                end = closesAfter[i]; // "... globally." ends the sentence after the closing mark
            } else if (inside[i]) {
                continue;
            }
            while (!paragraph && end < text.length() && "\"”’)".indexOf(text.charAt(end)) >= 0 && !inside[end]
                    && !opens[end]) {
                end++;
            }
            if (!paragraph) {
                if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    continue;
                }
                if (c == '.' && isInitial(text, i) && !nextIsParagraph(text, end)) {
                    continue;
                }
            }
            if (!text.substring(start, end).isBlank()) {
                sentences.add(new int[] { start, end });
            }
            start = end;
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            sentences.add(new int[] { start, text.length() });
        }
        return sentences;
    }

    /** A period after a single capital letter, as in "U.N." or "J. Smith". */
    private static boolean isInitial(String text, int period) {
        return period >= 1 && Character.isUpperCase(text.charAt(period - 1))
                && (period == 1 || !Character.isLetter(text.charAt(period - 2)));
    }

    private static boolean nextIsParagraph(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n';
    }

    // ---------------------------------------------------------------- attribution

    /** Who a sentence's reporting clause names, and where that clause is in the frame. */
    record Attribution(String speaker, int start, int end, boolean clause) {
    }

    /** The sentence with its direct quotes blanked out, so their words are never read as a clause. */
    private static String frame(String article, int[] sentence, List<Quote> direct) {
        StringBuilder frame = new StringBuilder(article.substring(sentence[0], sentence[1]));
        for (Quote quote : direct) {
            for (int[] part : quote.parts()) {
                for (int i = part[0]; i < part[1]; i++) {
                    frame.setCharAt(i - sentence[0], ' ');
                }
            }
        }
        return frame.toString();
    }

    /**
     * Finds the reporting clause: a speech verb with a speaker right before it ("Lee said", "he
     * added", "the South Korean president said"), right after it ("said Lee"), or "according to X";
     * failing that, a known name or title anywhere before the verb ("the president spoke to AA and
     * said that").
     */
    Attribution attribute(String frame, String lastSpeaker) {
        Matcher according = ACCORDING_TO.matcher(frame);
        if (according.find()) {
            Mention mention = mentionAt(frame, according.end());
            if (mention != null) {
                return new Attribution(resolve(mention, lastSpeaker), according.start(), mention.end(), true);
            }
        }
        OnceRead<Mention> opening = new OnceRead<>(() -> subjectOf(frame)); // for any verb, and for ", saying"
        Matcher verb = VERB.matcher(frame);
        while (verb.find()) {
            String left = frame.substring(0, verb.start());
            Mention before = mentionBefore(left);
            if (before != null) {
                int end = clauseEnd(frame, verb.group(), verb.end());
                // "Lee wrote a letter", "Lee expressed hope for peace": reported speech only with "that" or a colon
                boolean clause = !OBJECT_VERB.matcher(verb.group()).matches()
                        || ANNOUNCES.matcher(frame.substring(0, end)).find();
                return new Attribution(resolve(before, lastSpeaker), before.start(), end, clause);
            }
            // "said Lee", "said the president" only where a subject cannot stand: "Officials said Lee would …"
            boolean inverted = invertible(left);
            Lexicon.Match titleAfter = inverted ? lexicon.titleStartingAt(frame, verb.end()) : null;
            if (titleAfter != null) {
                // "said the South Korean president, Lee Jae Myung": a name in apposition decides
                Matcher apposition = APPOSITION.matcher(frame.substring(titleAfter.end()));
                if (apposition.find()) {
                    String slug = lexicon.leaderNamed(apposition.group(1));
                    return new Attribution(slug != null ? slug : Lexicon.OTHER, verb.start(),
                            titleAfter.end() + apposition.end(), true);
                }
                return new Attribution(resolve(new Mention(null, titleAfter.slug(), false, titleAfter.start(),
                        titleAfter.end()), lastSpeaker), verb.start(), titleAfter.end(), true);
            }
            Matcher after = NAME_AFTER.matcher(frame.substring(verb.end()));
            if (inverted && after.find()) {
                String name = after.group(1);
                String slug = lexicon.leaderNamed(name);
                return new Attribution(slug != null ? slug : Lexicon.OTHER, verb.start(), verb.end() + after.end(),
                        true);
            }
            if (COORDINATED.matcher(left).region(Math.max(0, left.length() - COORDINATED_CHARS), left.length()).find()) {
                Mention subject = opening.get();
                if (subject != null && subject.end() <= verb.start()
                        && !CLAUSE_BREAK.matcher(frame).region(subject.end(), verb.start()).find()) {
                    // "Lee arrived in Ankara on Monday and said that …": the sentence's subject said it
                    return new Attribution(resolve(subject, lastSpeaker), subject.start(),
                            clauseEnd(frame, verb.group(), verb.end()), true);
                }
            }
            Mention subject = lastKnownMention(left);
            if (subject != null) {
                // the speaker is the subject of a longer clause: good enough to attribute a quote, too
                // uncertain to cut the sentence into a paraphrase
                return new Attribution(resolve(subject, lastSpeaker), verb.start(),
                        clauseEnd(frame, verb.group(), verb.end()), false);
            }
        }
        Matcher saying = SAYING.matcher(frame);
        if (saying.find()) {
            Mention subject = opening.get();
            if (subject != null) {
                // "Lee laid a wreath at the memorial, saying that …": the subject said what follows
                return new Attribution(resolve(subject, lastSpeaker), subject.start(), saying.end(), true);
            }
        }
        String rest = frame.stripTrailing();
        int start = frame.length() - frame.stripLeading().length();
        if (rest.endsWith(":") && rest.length() - start <= SPEAKER_COLON_CHARS) {
            // Lee: "We will …" (nothing but a speaker and a colon around the quote)
            Mention speaker = mentionBefore(rest.substring(0, rest.length() - 1).stripTrailing() + " ");
            if (speaker != null && !speaker.pronoun()) {
                return new Attribution(resolve(speaker, lastSpeaker), speaker.start(), rest.length(), false);
            }
        }
        return null;
    }

    /**
     * The reporting clause ends after the verb, with what belongs to it: whom it was told to and
     * when or where ("told reporters on Monday that", "said in an interview that", "said Tuesday"),
     * and an "adding that", "that" or colon.
     */
    private static int clauseEnd(String frame, String verb, int verbEnd) {
        String rest = frame.substring(verbEnd);
        Matcher adjunct = ADJUNCT_THAT.matcher(rest);
        if (adjunct.find() || (TOLD.matcher(verb).matches() && (adjunct = TOLD_THAT.matcher(rest)).find())) {
            return verbEnd + adjunct.end();
        }
        Matcher object = TOLD_OBJECT.matcher(rest);
        if (TOLD.matcher(verb).matches() && object.find()) {
            // "told reporters the two …", "told Anadolu Agency the two …": whom it was told to, without "that"
            verbEnd += object.end();
            rest = frame.substring(verbEnd);
        }
        Matcher day = DAY_AFTER.matcher(rest);
        int from = day.find() ? verbEnd + day.end() : verbEnd;
        Matcher beforeAdding = BEFORE_ADDING.matcher(frame.substring(from));
        if (beforeAdding.find() && (TOLD.matcher(verb).matches() || beforeAdding.group(1) != null)) {
            from += beforeAdding.end(); // "told lawmakers, adding that", "said in a statement, adding that"
        }
        Matcher tail = CLAUSE_TAIL.matcher(frame.substring(from));
        return tail.find() ? from + tail.end() : from;
    }

    /** A speaker mention: a known leader's slug, a title, a pronoun or an unknown name. */
    record Mention(String slug, String title, boolean pronoun, int start, int end) {
    }

    private Mention mentionBefore(String left) {
        Matcher aside = ASIDE.matcher(left).region(Math.max(0, left.length() - ASIDE_CHARS), left.length());
        if (aside.find()) {
            // the speaker stands before the aside; one aside, not a chain of them
            Mention speaker = mentionRightBefore(left.substring(0, aside.start()) + " ");
            if (speaker != null) {
                return speaker;
            }
        }
        return mentionRightBefore(left);
    }

    /**
     * Whether a verb after {@code left} may take its speaker after it ("…," said Lee; "…, said the
     * president"): nothing but a (blanked) quote or punctuation before it, no subject.
     */
    private static boolean invertible(String left) {
        String before = left.stripTrailing();
        return before.isEmpty() || ",\"”:;—–-".indexOf(before.charAt(before.length() - 1)) >= 0;
    }

    /** The speaker that {@code left} ends with, nothing between it and the verb. */
    private Mention mentionRightBefore(String left) {
        Lexicon.Match known = lexicon.aliasEndingAt(left);
        if (known != null) {
            // the clause takes in a title before the name: "Borland President Bo Rand said"
            return new Mention(known.slug(), null, false, lexicon.titleStartBefore(left, known.start()), known.end());
        }
        Lexicon.Match title = lexicon.titleEndingAt(left);
        if (title == null) {
            title = lexicon.titleEndingAt(left.replaceFirst(",\\s*$", "")); // "Lee, the president, said"
            if (title != null) {
                String subject = left.substring(0, title.start()).replaceFirst(",\\s*$", "");
                Lexicon.Match named = lexicon.aliasEndingAt(subject);
                if (named != null) {
                    return new Mention(named.slug(), null, false, named.start(), title.end());
                }
                Matcher unknown = CAPITALIZED_NAME.matcher(subject + " ");
                if (unknown.find() && !isSentenceOpening(subject + " ", unknown.start())) {
                    // "Carl Dusk, the prime minister, said": the name decides, and it is nobody known
                    return new Mention(Lexicon.OTHER, null, false, unknown.start(), title.end());
                }
            }
        }
        if (title != null) {
            return new Mention(null, title.slug(), false, title.start(), title.end());
        }
        Matcher pronoun = PRONOUN.matcher(left);
        if (pronoun.find()) {
            return new Mention(null, null, true, pronoun.start(), pronoun.end(1));
        }
        Matcher name = CAPITALIZED_NAME.matcher(left);
        if (name.find() && !isSentenceOpening(left, name.start())) {
            return new Mention(Lexicon.OTHER, null, false, name.start(), name.end(1));
        }
        return null;
    }

    private Mention mentionAt(String frame, int from) {
        Lexicon.Match known = lexicon.aliasStartingAt(frame, from);
        if (known != null) {
            return new Mention(known.slug(), null, false, known.start(), known.end());
        }
        Matcher name = NAME_AFTER.matcher(" " + frame.substring(from));
        if (name.find()) {
            String slug = lexicon.leaderNamed(name.group(1)); // "According to Aland Prime Minister Ann Example"
            return new Mention(slug != null ? slug : Lexicon.OTHER, null, false, from, from + name.end() - 1);
        }
        return null;
    }

    /** A value worked out the first time it is asked for, and only then. */
    private static final class OnceRead<T> {
        private final Supplier<T> supplier;
        private boolean read;
        private T value;

        OnceRead(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (!read) {
                value = supplier.get();
                read = true;
            }
            return value;
        }
    }

    /**
     * The sentence's subject when it opens the sentence and is a leader, a title or a pronoun, and a
     * verb follows it ("Lee later visited", "The South Korean president laid"); not "Lee's office"
     * nor "Lee and Erdogan".
     */
    private Mention subjectOf(String frame) {
        int from = frame.length() - frame.stripLeading().length();
        Mention subject = null;
        Matcher pronoun = OPENING_PRONOUN.matcher(frame).region(from, frame.length());
        if (pronoun.lookingAt()) {
            subject = new Mention(null, null, true, from, pronoun.end());
        } else {
            Lexicon.Match title = lexicon.titleStartingAt(frame, from);
            int nameFrom = title != null ? title.end() : from;
            Matcher name = SUBJECT_NAME.matcher(frame).region(nameFrom, frame.length());
            String slug = name.lookingAt() && !POSSESSIVE.matcher(name.group(1)).find() ? lexicon.leaderNamed(name.group(1))
                    : null;
            if (slug == null && title == null) {
                Lexicon.Match known = lexicon.aliasStartingAt(frame, from);
                subject = known == null ? null : new Mention(known.slug(), null, false, from, known.end());
            } else if (slug != null) {
                subject = new Mention(slug, null, false, from, name.end());
            } else {
                subject = new Mention(null, title.slug(), false, from, title.end());
            }
        }
        return subject != null && VERB_AFTER_SUBJECT.matcher(frame).region(subject.end(), frame.length()).lookingAt()
                ? subject
                : null;
    }

    /** The last known name or title before a verb, for clauses such as "the president spoke ... and said". */
    private Mention lastKnownMention(String left) {
        Lexicon.Match known = lexicon.lastAlias(left);
        Lexicon.Match title = lexicon.lastTitle(left);
        if (known != null && (title == null || known.start() > title.start())) {
            return new Mention(known.slug(), null, false, known.start(), known.end());
        }
        if (title != null) {
            return new Mention(null, title.slug(), false, title.start(), title.end());
        }
        return null;
    }

    /** A capitalised word at the very start of a sentence is not taken for a name by itself. */
    private static boolean isSentenceOpening(String left, int start) {
        return left.substring(0, start).isBlank() && !left.substring(start).strip().contains(" ");
    }

    private String resolve(Mention mention, String lastSpeaker) {
        if (mention.slug() != null) {
            return mention.slug();
        }
        if (mention.pronoun()) {
            return lastSpeaker;
        }
        if (Lexicon.LEADER.equals(mention.title())) {
            return lastSpeaker; // "the South Korean leader": whoever was named last, as a pronoun
        }
        // a title ("the president"): the last named leader when the office fits, else the only leader with it
        if (lastSpeaker != null && lexicon.hasOffice(lastSpeaker, mention.title())) {
            return lastSpeaker;
        }
        return lexicon.onlyLeaderWithOffice(mention.title());
    }

    /**
     * The leader named last in the sentence (by name); someone else when the sentence opens by
     * introducing a person who is not a leader ("The harbour master, Lena Vogt, called …"), so that
     * a "she said" after it is not credited to a leader; else the previous one.
     */
    private String lastNamed(String frame, String lastSpeaker, String introduced) {
        Lexicon.Match known = lexicon.lastAlias(frame);
        if (known != null) {
            return known.slug();
        }
        return Lexicon.OTHER.equals(introduced) ? Lexicon.OTHER : lastSpeaker;
    }

    /**
     * The person a sentence opens by introducing ("The harbour master, Lena Vogt,", "The prime
     * minister, Ann Example,"): a leader's slug, {@link Lexicon#OTHER} for anyone else, or null.
     */
    private String introduced(String frame) {
        Matcher introduced = INTRODUCED.matcher(frame);
        if (!introduced.lookingAt()) {
            return null;
        }
        String slug = lexicon.leaderNamed(introduced.group(1));
        return slug != null ? slug : Lexicon.OTHER;
    }

    // ---------------------------------------------------------------- paraphrase

    /**
     * The sentence as reported speech without its reporting clause; null when the sentence is mostly
     * a direct quote (the quote says it already) or too short.
     */
    private static String paraphrase(String article, int[] sentence, List<Quote> direct,
            Attribution attribution) {
        if (!attribution.clause()) {
            return null;
        }
        StringBuilder text = new StringBuilder(article.substring(sentence[0], sentence[1]));
        boolean removedBefore = false;
        boolean removedAfter = false;
        for (Quote quote : direct) {
            if (!inline(article, quote)) {
                for (int[] part : quote.parts()) {
                    for (int i = part[0]; i < part[1]; i++) {
                        text.setCharAt(i - sentence[0], ' '); // a quote standing on its own is its own statement
                    }
                    if (part[0] - sentence[0] < attribution.start()) {
                        removedBefore = true;
                    } else {
                        removedAfter = true;
                    }
                }
            }
        }
        // what is left of a part that held a whole quote is only its frame ("Through its industrial base,")
        String clause = text.substring(attribution.start(), Math.min(attribution.end(), text.length()));
        String before = removedBefore ? ""
                : text.substring(0, attribution.start()).strip().replaceAll("[,;:]+$", "").strip();
        String after = removedAfter ? ""
                : withoutSpeakerParticiple(text.substring(Math.min(attribution.end(), text.length())).strip());
        after = after.replaceAll("^[,;:]+", "").strip();
        if (OPENING_PARTICIPLE.matcher(before).matches() || OPENING_OCCASION.matcher(before).matches()) {
            before = ""; // "Speaking at the forum, Lee said that …"
        }
        // what was said comes before the clause, and the clause does not announce more ("adding that")
        boolean clauseLast = (removedBefore || !before.isEmpty()) && !CLAUSE_GOES_ON.matcher(clause).find();
        if (clauseLast) {
            after = withoutClosingParticiple(after); // "…, Lee said in his speech, drawing applause."
        }
        if (clauseLast && (TRAILING_ADJUNCT.matcher(after).matches()
                || (TOLD.matcher(clause).find() && TRAILING_OBJECT.matcher(after).matches()))) {
            after = ""; // "…, Rand said on Wednesday." and "…, Example told reporters in the capital."
        }
        if (clauseLast && NARRATED_AFTER.matcher(after).lookingAt()) {
            after = ""; // "…, Lee said, and thanked his hosts": what the speaker did next
        }
        // "… useful, adding that the deal …": what was said goes on after a semicolon
        after = GOES_ON_INSIDE.matcher(after).replaceAll("; ");
        if (clauseLast && removedBefore && !THAT.matcher(after).find()) {
            // after a quote and its clause, what follows says where, when and to whom, however long:
            // "…," Lee told reporters aboard Air Force One on his way home.
            after = "";
        }
        String joined;
        if (before.isEmpty()) {
            joined = after;
        } else if (after.isEmpty() || after.matches("^[.!?\"”’\\s]+$")) {
            joined = before + ".";
        } else {
            joined = before + (clause.matches("(?s).*\\b(?:" + GOING_ON + ")\\b.*") ? "; " : ", ")
                    + after;
        }
        String clean = joined.replaceAll("[\"“”]", "").replaceAll("\\s+", " ").strip();
        clean = clean.replaceAll("^(?:that|,)\\s+", "").replaceAll("\\s+([,.;:])", "$1").replaceAll("([,;])[,;]+", "$1");
        clean = clean.replaceAll("[,;:]+$", "");
        if (!clean.endsWith(".") && !clean.endsWith("?") && !clean.endsWith("!")) {
            clean = clean + ".";
        }
        if (words(clean) < MIN_PARAPHRASE_WORDS) {
            return null;
        }
        return Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
    }

    /**
     * The text without a closing participle phrase about the speaker ("…, speaking at a business
     * forum."): one that runs to the end, so only after the last semicolon (which also keeps the
     * search linear in the sentence's length).
     */
    private static String withoutSpeakerParticiple(String text) {
        Matcher participle = SPEAKER_PARTICIPLE.matcher(text).region(text.lastIndexOf(';') + 1, text.length());
        return participle.find() ? text.substring(0, participle.start()) : text;
    }

    /**
     * After a reporting clause that ends the report, a participle phrase running to the end of the
     * sentence ("drawing applause", "calling it historic") describes the speaking, not what was said.
     */
    private static String withoutClosingParticiple(String text) {
        Matcher participle = CLOSING_PARTICIPLE.matcher(text).region(text.lastIndexOf(';') + 1, text.length());
        return participle.find() ? text.substring(0, participle.start()).strip() : text;
    }

    /** A quote that the sentence goes on after in lower case, as in: "We also aim ..." into industries. */
    private static boolean inline(String article, Quote quote) {
        char last = article.charAt(Math.max(quote.open(), quote.close() - 2));
        if (",.;:!?".indexOf(last) >= 0) {
            return false;
        }
        int i = quote.close();
        while (i < article.length() && article.charAt(i) == ' ') {
            i++;
        }
        return i < article.length() && Character.isLowerCase(article.charAt(i));
    }

    static int words(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
