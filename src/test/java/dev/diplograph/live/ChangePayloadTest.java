package dev.diplograph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The PostgreSQL NOTIFY payloads of a transaction: each under PostgreSQL's 8000-byte limit, read back whole and in order. */
class ChangePayloadTest {

    @Test
    void aLargeBatchIsSplitIntoPayloadsThatReadBackInOrder() {
        List<Long> statements = new ArrayList<>();
        for (long id = 1_000_000_000L; id < 1_000_003_000L; id++) {
            statements.add(id);
        }
        List<VisitEvent> visits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            visits.add(new VisitEvent(i, "visit-" + "k".repeat(60) + i, "leader-ü-" + i, "TR",
                    ChangeKind.values()[i % 3]));
        }
        List<String> payloads = ChangeFeed.payloads(new ChangeBatch(statements, visits, 1_700_000_000_000_000L));
        assertTrue(payloads.size() > 1, "expected the batch to be split");
        List<Long> statementsBack = new ArrayList<>();
        List<VisitEvent> visitsBack = new ArrayList<>();
        for (String payload : payloads) {
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length < 8000, "payload of "
                    + payload.getBytes(StandardCharsets.UTF_8).length + " bytes");
            ChangeBatch part = ChangeFeed.parse(payload);
            statementsBack.addAll(part.statementsAdded());
            visitsBack.addAll(part.visitsChanged());
        }
        assertEquals(statements, statementsBack);
        assertEquals(1_700_000_000_000_000L, ChangeFeed.parse(payloads.get(payloads.size() - 1)).committedAtMicros());
        assertEquals(visits, visitsBack);
    }

    @Test
    void anEmptyBatchIsOneEmptyPayload() {
        List<String> payloads = ChangeFeed.payloads(new ChangeBatch(List.of(), List.of(), 5L));
        assertEquals(1, payloads.size());
        assertEquals(new ChangeBatch(List.of(), List.of(), 5L), ChangeFeed.parse(payloads.get(0)));
    }
}
