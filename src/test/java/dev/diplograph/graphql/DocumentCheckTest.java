package dev.diplograph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ErrorCodes;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token count taken before parsing agrees with graphql-java's parser on every document near the
 * limits, so counting first changes how fast a token bomb is refused, not which documents are.
 */
@QuarkusTest
class DocumentCheckTest {

    private static final String PARSED = "parsed";

    @Inject
    DocumentCheck documents;

    @Inject
    DiplographConfig config;

    @Test
    void theCountBeforeParsingAgreesWithTheParserAtEveryBoundary() {
        int max = config.graphql().maxTokens();
        List<String> texts = new ArrayList<>();
        for (int names = max - 4; names <= max + 2; names++) {
            texts.add("{ " + "a ".repeat(names) + "}"); // names, two braces and the end, with blanks between
            texts.add("{" + "a,".repeat(names) + "}"); // commas are blanks to GraphQL
            texts.add("query Q($v: [Int] = [" + "1 ".repeat(names) + "]) { a }");
        }
        for (int blanks = max * 10 - 4; blanks <= max * 10 + 2; blanks++) {
            texts.add("{ a" + " ".repeat(blanks) + "}");
            texts.add("{ a" + "\n".repeat(blanks) + "}");
        }
        for (int comments = max - 4; comments <= max + 2; comments++) {
            texts.add("{ a\n" + "# note\n".repeat(comments) + "}");
        }
        // Text the lexer cannot read, before and after the limit: an unterminated string, a stray character.
        texts.add("{ " + "a ".repeat(100) + "\"open " + "a ".repeat(max) + "}");
        texts.add("{ " + "a ".repeat(max + 10) + "\"open }");
        texts.add("{ " + "a ".repeat(100) + "^ " + "a ".repeat(max) + "}");
        texts.add("{ a(s: \"" + "x ".repeat(max * 20) + "\") }"); // one long string is one token
        Set<String> seen = new HashSet<>();
        for (String text : texts) {
            String expected = reference(text);
            seen.add(expected);
            assertEquals(expected, verdict(text), () -> "document of " + text.length() + " characters starting "
                    + text.substring(0, Math.min(40, text.length())));
        }
        assertEquals(Set.of(PARSED, ErrorCodes.TOO_MANY_TOKENS, ErrorCodes.GRAPHQL_PARSE_FAILED), seen,
                "the documents must fall on both sides of the limits, and some must not lex");
    }

    @Test
    void theTokenLimitIsCheckedBeforeTheGrammar() {
        int max = config.graphql().maxTokens();
        String text = "} " + "a ".repeat(max + 10); // a grammar error at the first token, and too many tokens
        assertEquals(ErrorCodes.GRAPHQL_PARSE_FAILED, reference(text));
        assertEquals(ErrorCodes.TOO_MANY_TOKENS, verdict(text));
        assertEquals(ErrorCodes.GRAPHQL_PARSE_FAILED, verdict("} a"));
    }

    private String verdict(String text) {
        DocumentCheck.Parsed parsed = documents.parse(text);
        return parsed.problem() == null ? PARSED : parsed.problem().code();
    }

    /** What graphql-java's parser alone says under the service's limits. */
    private String reference(String text) {
        int max = config.graphql().maxTokens();
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions()
                .transform(o -> o.maxTokens(max).maxWhitespaceTokens(max * 10));
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(options)
                    .locale(Locale.ENGLISH).build());
            return PARSED;
        } catch (ParseCancelledException e) {
            return ErrorCodes.TOO_MANY_TOKENS;
        } catch (InvalidSyntaxException e) {
            return ErrorCodes.GRAPHQL_PARSE_FAILED;
        }
    }
}
