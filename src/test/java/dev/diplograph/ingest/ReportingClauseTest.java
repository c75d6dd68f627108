package dev.diplograph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reporting clause is cut out of a paraphrase whole, whatever wire style puts around it: a
 * title before the name, a day, an occasion or the person told, and a closing phrase about the
 * speaker; and nothing of what was said is cut with it.
 */
class ReportingClauseTest {

    static final ArticleExtractor EXTRACTOR = new ArticleExtractor(new Lexicon(
            List.of(new Lexicon.Leader("lee-jae-myung", "Lee Jae Myung", "President"),
                    new Lexicon.Leader("ann-example", "Ann Example", "Prime Minister")),
            List.of(), List.of()));

    /** The sentence's proposals as "KIND speaker: text", joined by " | ". */
    static String extracted(String article) {
        return extracted(EXTRACTOR, article);
    }

    static String extracted(ArticleExtractor extractor, String article) {
        return extractor.extract(article, null).stream().map(p -> p.kind() + " " + p.speaker() + ": " + p.text())
                .collect(Collectors.joining(" | "));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            Lee said on Tuesday that the two countries would expand cooperation in the defense industry. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            Lee said Tuesday the two countries would expand cooperation in the defense industry. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            Lee told Anadolu Agency that the two countries would expand cooperation in the defense industry. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            Lee told reporters on Monday that the two countries would expand cooperation in the defense industry. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            Lee said in an interview with a news agency that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            South Korean President Lee Jae Myung said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            President Lee Jae Myung said on Tuesday that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            The two countries would expand cooperation in the defense industry, Lee said on Tuesday. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            The two countries would expand cooperation in the defense industry, President Lee Jae Myung said. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            The two countries would expand cooperation in the defense industry, said South Korean President Lee Jae Myung. => PARAPHRASE lee-jae-myung: The two countries would expand cooperation in the defense industry.
            The two countries would expand their cooperation, Lee told the parliament in Seoul. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            According to South Korean President Lee Jae Myung, the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Speaking at a business forum, Lee said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Asked about the Sinop project, Lee said South Korean companies were ready to take part. => PARAPHRASE lee-jae-myung: South Korean companies were ready to take part.
            Lee, asked about the Sinop project, said that South Korean companies were ready to take part. => PARAPHRASE lee-jae-myung: South Korean companies were ready to take part.
            Lee said that the ministers, asked to draft a plan by June, would meet again in Seoul. => PARAPHRASE lee-jae-myung: The ministers, asked to draft a plan by June, would meet again in Seoul.
            Lee said that the delegates, speaking for their companies, would sign the deal in Seoul. => PARAPHRASE lee-jae-myung: The delegates, speaking for their companies, would sign the deal in Seoul.
            Lee said the two countries would expand their cooperation, speaking at a business forum in Ankara. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            SEOUL, Nov. 23 (Yonhap) -- Lee said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            ' date 2025-11-23 Lee said that the two countries would expand their cooperation.' => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            """)
    void theClauseAndWhatBelongsToItAreCutOut(String sentence, String expected) {
        assertEquals(expected, extracted(sentence));
    }

    /** Sentences whose proposals are exactly these, in the article's order (quotes and paraphrases). */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            Lee said the plan that Korea proposed in June would create jobs in both countries. => PARAPHRASE lee-jae-myung: The plan that Korea proposed in June would create jobs in both countries.
            Lee said in 2024 both countries had agreed to expand their cooperation in energy. => PARAPHRASE lee-jae-myung: In 2024 both countries had agreed to expand their cooperation in energy.
            In the defense sector, Lee said that cooperation had grown every year since 2020. => PARAPHRASE lee-jae-myung: In the defense sector, cooperation had grown every year since 2020.
            Lee said cooperation on energy would continue at the highest level in the coming years. => PARAPHRASE lee-jae-myung: Cooperation on energy would continue at the highest level in the coming years.
            Lee said speaking each other's languages would bring the two nations even closer. => PARAPHRASE lee-jae-myung: Speaking each other's languages would bring the two nations even closer.
            The talks went on until late at night, officials said on Tuesday. => ''
            "We will build the plant together with our friends," Lee told reporters in Ankara on Monday. => DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee told reporters aboard the presidential plane on his way home. => DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee said in a long speech to the parliament in Ankara on Tuesday. => DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee said, and added that the plant would open in 2032. => PARAPHRASE lee-jae-myung: The plant would open in 2032. | DIRECT lee-jae-myung: We will build the plant together with our friends
            The two countries would expand their cooperation, Lee said, and added that the plant would open in 2032. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation; the plant would open in 2032.
            "We will build the plant together with our friends," Lee told lawmakers, adding that the plant would open in 2032. => PARAPHRASE lee-jae-myung: The plant would open in 2032. | DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee said in a statement, adding that the plant would open in 2032. => PARAPHRASE lee-jae-myung: The plant would open in 2032. | DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee wrote on social media. => DIRECT lee-jae-myung: We will build the plant together with our friends
            "We will build the plant together with our friends," Lee was quoted as saying. => DIRECT lee-jae-myung: We will build the plant together with our friends
            Lee expressed hope that the two countries would expand their cooperation in many fields. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation in many fields.
            Lee Jae Myung, the South Korean president, said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Lee arrived in Ankara on Monday. "We will build the plant together with our friends," the South Korean leader said. => DIRECT lee-jae-myung: We will build the plant together with our friends
            Carl Dusk, the foreign minister, said that the two countries would expand their cooperation. => ''
            "We will build the plant together with our friends," Carl Dusk, the prime minister, said. => ''
            Lee Jae Myung arrived on Monday. "We will build the plant together with our friends," Carl Dusk, the prime minister, said. => ''
            Lee arrived on Monday. The harbour master, Lena Vogt, showed him the port. "We can now handle twice as many ships," she said. => ''
            Lee arrived on Monday. The port, the largest in Europe, impressed him. "We can now handle twice as many ships," he said. => DIRECT lee-jae-myung: We can now handle twice as many ships
            Lee wrote a long letter to the people of Türkiye about the war and the years since.        => ''
            Lee posted a video from the shipyard on social media late on Tuesday night.                => ''
            Lee expressed hope for closer ties between the two nations in the coming years.            => ''
            "We are brothers bound by blood and history," said the South Korean president, Lee Jae Myung. => DIRECT lee-jae-myung: We are brothers bound by blood and history
            "We are brothers bound by blood and history," said the prime minister, Carl Dusk.           => ''
            Lee arrived on Monday. "We are brothers bound by blood and history," said the South Korean president. => DIRECT lee-jae-myung: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Lee said in his speech to parliament on Tuesday, drawing applause. => DIRECT lee-jae-myung: We are brothers bound by blood and history
            The two countries would expand their cooperation, Lee said in his speech on Tuesday, calling it historic. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Regarding energy, Lee said talks were underway on a new plant, expressing hope that Seoul could help build it. => PARAPHRASE lee-jae-myung: Regarding energy, talks were underway on a new plant, expressing hope that Seoul could help build it.
            "We are brothers bound by blood," Lee said, "and we will stay so for generations."        => DIRECT lee-jae-myung: We are brothers bound by blood, and we will stay so for generations.
            "Our nations," Lee said, "are brothers bound by blood and history."                        => DIRECT lee-jae-myung: Our nations are brothers bound by blood and history.
            "We are brothers bound by blood," Lee said. "And we will stay so for generations."         => DIRECT lee-jae-myung: We are brothers bound by blood | DIRECT lee-jae-myung: And we will stay so for generations.
            "We are brothers bound by blood," Lee said, "the closest of friends," and smiled.          => DIRECT lee-jae-myung: We are brothers bound by blood, the closest of friends
            Lee: "We will build the plant together with our friends."                                => DIRECT lee-jae-myung: We will build the plant together with our friends.
            South Korean President Lee Jae Myung: "We will build the plant together with our friends." => DIRECT lee-jae-myung: We will build the plant together with our friends.
            Carl Dusk: "We will build the plant together with our friends."                          => ''
            Note: "We will build the plant together with our friends."                               => ''
            Lee said that the two countries were building ships, planes and tanks together.            => PARAPHRASE lee-jae-myung: The two countries were building ships, planes and tanks together.
            Lee wrote that the two nations would stand together in the coming years.                   => PARAPHRASE lee-jae-myung: The two nations would stand together in the coming years.
            Lee met Korean residents in Istanbul, saying the two sides had laid the groundwork for closer ties. => PARAPHRASE lee-jae-myung: The two sides had laid the groundwork for closer ties.
            President Lee Jae Myung laid a wreath at the memorial, saying that Korea would never forget the fallen soldiers. => PARAPHRASE lee-jae-myung: Korea would never forget the fallen soldiers.
            Lee arrived on Monday. The South Korean president laid a wreath, saying that Korea would never forget the fallen. => PARAPHRASE lee-jae-myung: Korea would never forget the fallen.
            Lee arrived on Monday. He laid a wreath at the memorial, saying that Korea would never forget the fallen. => PARAPHRASE lee-jae-myung: Korea would never forget the fallen.
            Lee's office issued a statement, saying that the two sides had laid the groundwork for closer ties. => ''
            Lee and the prime minister met reporters, saying that the two sides had laid the groundwork for closer ties. => ''
            Carl Dusk met Korean residents in Istanbul, saying the two sides had laid the groundwork for closer ties. => ''
            Officials met on Monday, saying the two sides had laid the groundwork for closer ties.      => ''
            Lee arrived in Ankara on Monday and said that the two nations would work together on energy projects. => PARAPHRASE lee-jae-myung: The two nations would work together on energy projects.
            Lee called the ties "unbreakable" and said the two nations would work together on energy projects. => PARAPHRASE lee-jae-myung: The two nations would work together on energy projects.
            Lee arrived on Monday. He met business leaders and then said that the two nations would work together. => PARAPHRASE lee-jae-myung: The two nations would work together.
            Lee arrived in Ankara, where officials welcomed him and said that the visit would be a historic one. => ''
            Carl Dusk arrived in Ankara on Monday and said that the two nations would work together on energy. => ''
            Lee said the talks were very useful for both sides, adding that the deal would be signed soon. => PARAPHRASE lee-jae-myung: The talks were very useful for both sides; the deal would be signed soon.
            "We are brothers bound by blood," Lee said, saying that the two nations would stand together. => PARAPHRASE lee-jae-myung: The two nations would stand together. | DIRECT lee-jae-myung: We are brothers bound by blood
            Lee, whose party won the election in June, said the two nations would stand together for decades. => PARAPHRASE lee-jae-myung: The two nations would stand together for decades.
            The two nations would stand together for decades, Lee said, and thanked his hosts for their warm welcome. => PARAPHRASE lee-jae-myung: The two nations would stand together for decades.
            Officials said Lee would meet business leaders in Istanbul on Tuesday before flying home. => ''
            Lee told reporters the two nations would stand together for decades to come.               => PARAPHRASE lee-jae-myung: The two nations would stand together for decades to come.
            Lee told Anadolu Agency the two nations would stand together for decades to come.          => PARAPHRASE lee-jae-myung: The two nations would stand together for decades to come.
            Lee told a news conference on Tuesday the two nations would stand together for decades.     => PARAPHRASE lee-jae-myung: The two nations would stand together for decades.
            Lee told Turkish lawmakers the two nations would stand together for decades to come.       => PARAPHRASE lee-jae-myung: The two nations would stand together for decades to come.
            Lee told a joint news conference the two nations would stand together for decades to come. => PARAPHRASE lee-jae-myung: The two nations would stand together for decades to come.
            In a speech at the business forum in Istanbul, Lee said the two nations would stand together. => PARAPHRASE lee-jae-myung: The two nations would stand together.
            In a written interview with Anadolu Agency, Lee said Korea wanted to join the fighter jet program. => PARAPHRASE lee-jae-myung: Korea wanted to join the fighter jet program.
            In the defense sector, Lee said the two nations would build ships and tanks together.        => PARAPHRASE lee-jae-myung: In the defense sector, the two nations would build ships and tanks together.
            Lee urged companies of both countries to invest in each other's markets in the coming years. => ''
            Lee urged that companies of both countries invest in each other's markets in the coming years. => PARAPHRASE lee-jae-myung: Companies of both countries invest in each other's markets in the coming years.
            Lee, for his part, stressed that the two countries should cooperate in defense and shipbuilding. => PARAPHRASE lee-jae-myung: The two countries should cooperate in defense and shipbuilding.
            Lee, however, said the two countries would need more time to agree on the plant.           => PARAPHRASE lee-jae-myung: The two countries would need more time to agree on the plant.
            Lee, speaking through an interpreter, said the two countries had much to gain from closer ties. => PARAPHRASE lee-jae-myung: The two countries had much to gain from closer ties.
            Lee, who arrived in Ankara on Monday, said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Lee, in a speech to parliament, said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            Lee arrived on Monday. He, speaking at a forum, said that the two countries would expand their cooperation. => PARAPHRASE lee-jae-myung: The two countries would expand their cooperation.
            "We will build the plant together with our friends," Lee, speaking at a forum, said.       => DIRECT lee-jae-myung: We will build the plant together with our friends
            Carl Dusk, speaking at a forum, said that the two countries would expand their cooperation. => ''
            Carl Dusk, who arrived on Monday, said that the two countries would expand their cooperation. => ''
            """)
    void whatWasSaidIsKept(String sentence, String expected) {
        assertEquals(expected, extracted(sentence));
    }

    /**
     * Guillemets and low-9 marks, as French, German or Polish copy and some translated wires print
     * them, quote as the English marks do; the spaces French typesetting puts inside them are not
     * part of the quote, and neither is a comma set outside the marks (German style).
     */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            « We will build the plant together with our friends », Lee said.                        => DIRECT lee-jae-myung: We will build the plant together with our friends
            «\u00a0We will build the plant together with our friends\u00a0», Lee said.              => DIRECT lee-jae-myung: We will build the plant together with our friends
            «\u202fWe will build the plant together with our friends\u202f», Lee said.              => DIRECT lee-jae-myung: We will build the plant together with our friends
            „We will build the plant together with our friends“, Lee said.                           => DIRECT lee-jae-myung: We will build the plant together with our friends
            „We will build the plant together with our friends”, Lee said.                           => DIRECT lee-jae-myung: We will build the plant together with our friends
            Lee said: „We will build the plant together with our friends.“ He then left for Ankara.  => DIRECT lee-jae-myung: We will build the plant together with our friends.
            „We are brothers bound by blood“, Lee said, „and we will stay so for generations.“       => DIRECT lee-jae-myung: We are brothers bound by blood and we will stay so for generations.
            « We are brothers bound by blood. » « And we will stay so for generations », Lee said.   => DIRECT lee-jae-myung: We are brothers bound by blood. And we will stay so for generations
            Lee said that the two nations were «\u00a0brothers\u00a0» bound by history and blood.   => PARAPHRASE lee-jae-myung: The two nations were brothers bound by history and blood.
            Lee said that both nations, „brothers by blood“, would expand their cooperation.         => PARAPHRASE lee-jae-myung: Both nations, brothers by blood, would expand their cooperation.
            """)
    void guillemetsAndLowMarksQuoteToo(String sentence, String expected) {
        assertEquals(expected, extracted(sentence));
    }

    /**
     * An article that quotes with single marks, the British way, is read like one that quotes with
     * double marks; its apostrophes stay in the words, a quote inside a quote stays in the quote, and
     * an article that quotes with double marks keeps its single ones as they are. Rows are quoted
     * with ` so that ' is text.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ‘We are brothers bound by blood and history,’ Lee said.                                   => DIRECT lee-jae-myung: We are brothers bound by blood and history
            'We are brothers bound by blood and history,' Lee said.                                   => DIRECT lee-jae-myung: We are brothers bound by blood and history
            ‘Türkiye’s partners can count on Korea in every season,’ Lee said.                        => DIRECT lee-jae-myung: Türkiye’s partners can count on Korea in every season
            'Türkiye's partners can count on Korea in every season,' Lee said.                        => DIRECT lee-jae-myung: Türkiye's partners can count on Korea in every season
            ‘We welcome the leaders’ decision to expand trade,’ Lee said.                             => DIRECT lee-jae-myung: We welcome the leaders’ decision to expand trade
            'We welcome the leaders' decision to expand trade,' Lee said.                             => DIRECT lee-jae-myung: We welcome the leaders' decision to expand trade
            ‘We are brothers bound by blood,’ Lee said, ‘and we will stay so for generations.’        => DIRECT lee-jae-myung: We are brothers bound by blood, and we will stay so for generations.
            'We have streamlined the whole process. 'In addition, minors are exempt,' Lee said.      => DIRECT lee-jae-myung: We have streamlined the whole process. In addition, minors are exempt
            'It was the rock 'n' roll of diplomacy for the two nations,' Lee said.                  => DIRECT lee-jae-myung: It was the rock 'n' roll of diplomacy for the two nations
            ‘He told me “we are one people” and I believe him,’ Lee said.                             => DIRECT lee-jae-myung: He told me “we are one people” and I believe him
            Lee said that the two nations were ‘brothers’ bound by history and blood.                  => PARAPHRASE lee-jae-myung: The two nations were brothers bound by history and blood.
            `‘Our workers’ skills will build the line.\n‘That is what partnership means,’ Lee said.` => DIRECT lee-jae-myung: Our workers’ skills will build the line. That is what partnership means
            `Lee praised the ‘brotherly’ ties of the two nations.\n‘We are one people in two countries,’ he said.` => DIRECT lee-jae-myung: We are one people in two countries
            ‘We will stay brothers for generations’ Lee said.                                        => DIRECT lee-jae-myung: We will stay brothers for generations
            "We are brothers bound by blood and history," Lee said of the nations' 'special' ties.   => DIRECT lee-jae-myung: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Lee said of ties born in the '50s and grown in the '90s. => DIRECT lee-jae-myung: We are brothers bound by blood and history
            »We are brothers bound by blood and history«, Lee said.                                   => DIRECT lee-jae-myung: We are brothers bound by blood and history
            """)
    void singleMarksAndInwardGuillemetsQuoteToo(String sentence, String expected) {
        assertEquals(expected, extracted(sentence));
    }

    /**
     * The speaker hint credits quotes that nothing else attributes, but not one in a sentence that
     * introduces someone who is not a leader.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            "This is the biggest terminal in the whole region."                                           => DIRECT lee-jae-myung: This is the biggest terminal in the whole region.
            The harbour master, Lena Vogt, showed the delegation the port: "This is the biggest terminal in the whole region." => ''
            The harbour master, Lena Vogt, showed the delegation the port. "This is the biggest terminal in the whole region." => ''
            The prime minister, Ann Example, showed the delegation the port: "This is the biggest terminal in the whole region." => DIRECT ann-example: This is the biggest terminal in the whole region.
            """)
    void theSpeakerHintCreditsOnlyQuotesNobodyElseSays(String sentence, String expected) {
        assertEquals(expected, EXTRACTOR.extract(sentence, "lee-jae-myung").stream()
                .map(p -> p.kind() + " " + p.speaker() + ": " + p.text()).collect(Collectors.joining(" | ")));
    }

    static final ArticleExtractor SPELLINGS = new ArticleExtractor(new Lexicon(
            List.of(new Lexicon.Leader("lee-jae-myung", "Lee Jae Myung", "President"),
                    new Lexicon.Leader("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "President"),
                    new Lexicon.Leader("kim-min-seok", "Kim Min-seok", "Prime Minister")),
            List.of(), List.of()));

    /**
     * A leader is found however English-language news spells the name: a Korean given name with or
     * without its hyphen, and a name without its accents.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            President Lee Jae-myung said the two nations would stand together for decades to come.   => PARAPHRASE lee-jae-myung: The two nations would stand together for decades to come.
            "We are brothers bound by blood and history," Lee Jae-myung said.                        => DIRECT lee-jae-myung: We are brothers bound by blood and history
            South Korean President Lee Jae-Myung told reporters the two nations would stand together. => PARAPHRASE lee-jae-myung: The two nations would stand together.
            "We are brothers bound by blood and history," said Recep Tayyip Erdogan.                 => DIRECT recep-tayyip-erdogan: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Erdogan said.                              => DIRECT recep-tayyip-erdogan: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Erdoğan said.                              => DIRECT recep-tayyip-erdogan: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Kim Min Seok said.                         => DIRECT kim-min-seok: We are brothers bound by blood and history
            "We are brothers bound by blood and history," Kim Min-seok said.                         => DIRECT kim-min-seok: We are brothers bound by blood and history
            """)
    void namesAreFoundHoweverTheyAreSpelt(String sentence, String expected) {
        assertEquals(expected, extracted(SPELLINGS, sentence));
    }

    /**
     * A quote whose closing mark is missing ends with its paragraph; it ran on to the next closing mark
     * in the article, taking in the reporting between and the next quote. A quote that goes on into the
     * next paragraph, which opens with a mark, and a hard-wrapped line still run on.
     */
    @Test
    void aQuoteLeftOpenEndsWithItsParagraph() {
        assertEquals("DIRECT lee-jae-myung: We will build the plant together with our brothers."
                + " | DIRECT lee-jae-myung: Trade between our two countries matters most",
                extracted("""
                        Lee said: "We will build the plant together with our brothers.

                        The delegation then toured the port of Mersin on Monday afternoon.

                        "Trade between our two countries matters most," Lee added."""));
        assertEquals("DIRECT lee-jae-myung: We will build the plant together with our brothers."
                + " Our brothers will be proud of it for many years.",
                extracted("""
                        Lee said: "We will build the plant together with our brothers.

                        "Our brothers will be proud of it for many years." """));
        assertEquals("DIRECT lee-jae-myung: We will build the plant together with our brothers in Türkiye",
                extracted("""
                        "We will build the plant together with
                        our brothers in Türkiye," Lee said."""));
    }
}
