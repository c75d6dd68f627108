package dev.diplograph.source;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import dev.diplograph.support.TestFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** From a source to the statements taken from it: the way back from "every quote tied to its source". */
@QuarkusTest
class SourceQuotesTest {

    static final String QUOTES = """
            query($key: String!, $first: Int) { source(key: $key) { outlet
              quotes(first: $first) { key source { key } } } }""";

    static final String SEED_SOURCE = "aa-2025-11-23-lee-interview";

    @Test
    void aSourceLeadsToItsStatementsInRecordingOrder() {
        GraphQL.post(QUOTES, Map.of("key", SEED_SOURCE, "first", 3))
                .body("errors", nullValue())
                .body("data.source.outlet", equalTo("Anadolu Agency"))
                .body("data.source.quotes.key", equalTo(List.of("lee-brotherly-nations-bound-by-blood",
                        "lee-strategic-partner-eurasian-hub", "lee-uphold-strategic-partnership")))
                .body("data.source.quotes.source.key", everyItem(equalTo(SEED_SOURCE)));
        GraphQL.post(QUOTES, Map.of("key", TestFixtures.SOURCE, "first", 500))
                .body("errors", nullValue())
                .body("data.source.quotes.source.key", everyItem(equalTo(TestFixtures.SOURCE)))
                // 720 fixture statements come from it; a nested list stops at its maximum
                .body("data.source.quotes", hasSize(Math.min(500,
                        TestFixtures.VISITS * TestFixtures.AREAS * TestFixtures.QUOTES_PER_AREA)));
        GraphQL.post(QUOTES, Map.of("key", SEED_SOURCE, "first", 0))
                .body("errors", nullValue())
                .body("data.source.quotes", hasSize(0));
    }

    @Test
    void aFirstOutsideItsRangeIsRefused() {
        GraphQL.post(QUOTES, Map.of("key", SEED_SOURCE, "first", -1))
                .body("data.source", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].path", equalTo(List.of("source", "quotes")));
    }
}
