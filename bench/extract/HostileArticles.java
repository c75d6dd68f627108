import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.diplograph.ingest.ArticleExtractor;
import dev.diplograph.ingest.Lexicon;

/** How long the article extractor takes on texts at the ingestion limit built to make rules backtrack or repeat work. */
public class HostileArticles {

    public static void main(String[] args) {
        ArticleExtractor extractor = new ArticleExtractor(new Lexicon(
                List.of(new Lexicon.Leader("lee-jae-myung", "Lee Jae Myung", "President"),
                        new Lexicon.Leader("ann-example", "Ann Example", "Prime Minister")),
                List.of(), List.of()));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("participle phrases, one sentence", "Lee said " + "x, speaking ".repeat(16_000) + ";end");
        texts.put("one long word after 'told'", "Lee told " + "a".repeat(199_000) + " b.");
        texts.put("a long adjunct before 'that'", "Lee said on " + "word ".repeat(39_000) + "that x.");
        texts.put("titles before a name", "Lee said " + "President ".repeat(19_000) + "Lee Jae Myung said that x y z a b c.");
        texts.put("interrupted quotes, one sentence", "\"a b c d e,\" Lee said, \"f g h\" ".repeat(6_000));
        texts.put("adjacent quotes", "\"a\" ".repeat(45_000));
        texts.put("a speaker and a colon, a long quote", "Lee: \"" + "a ".repeat(95_000) + "\"");
        texts.put("a chain of asides before the verb", "Lee" + ", speaking at a b".repeat(10_000) + ", said that x.");
        texts.put("asides before each verb", "Lee" + ", speaking at a b c d e, said".repeat(6_000) + " x.");
        texts.put("', saying' sentences by a known subject", "Lee met the delegates in Ankara, saying that both sides would sign the trade deal soon. ".repeat(2_000));
        texts.put("', and said' after a known subject, one sentence", "Lee met x" + ", and said y".repeat(14_000) + ".");
        texts.put("'and said' after a known subject, one sentence", "Lee met x" + " and said y".repeat(15_000) + ".");
        texts.put("', adding that' again and again in what was said", "Lee said x" + ", adding that y".repeat(12_000) + ".");
        texts.put("guillemets and low marks", "« a b c d e », Lee said. „f g h i j“, he said. ".repeat(4_000));
        texts.put("the same in English marks", "“ a b c d e ”, Lee said. “f g h i j”, he said. ".repeat(4_000));
        texts.put("single marks, apostrophes between words in one open quote", "'a" + " leaders' b".repeat(18_000) + ".' Lee said.");
        texts.put("single marks, quotes and apostrophes", "'a b c d e,' Lee said of the leaders' ties. ".repeat(4_500));
        texts.put("straight single marks opening sentences in one open quote", "'a. 'b".repeat(33_000));
        texts.put("single marks, a quote running on over paragraphs with a possessive each", "‘our workers’ skills\n".repeat(9_500) + "\n".repeat(10_000));
        texts.put("closing participles", "Lee said x, drawing" + ", drawing x".repeat(15_000));
        texts.put("ordinary reported speech", "Lee said that the two countries would expand their cooperation, speaking at a forum. "
                .repeat(2_000));
        for (int round = 1; round <= 3; round++) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                long start = System.nanoTime();
                int proposals = extractor.extract(text.getValue(), "lee-jae-myung").size();
                System.out.printf("EXTRACT round %d  %-36s %,8d chars  %5d proposals  %6d ms%n", round, text.getKey(),
                        text.getValue().length(), proposals, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
