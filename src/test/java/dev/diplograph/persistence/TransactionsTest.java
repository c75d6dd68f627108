package dev.diplograph.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which write failures are lost races worth running again. */
class TransactionsTest {

    @Test
    void aUniqueOrForeignKeyViolationOrSerializationFailureIsALostRace() {
        assertTrue(Transactions.lostRace(new RuntimeException(new SQLException("duplicate", "23505"))));
        SQLException chained = new SQLException("batch failed", "22001");
        chained.setNextException(new SQLException("serialization", "40001"));
        assertTrue(Transactions.lostRace(new RuntimeException(chained)));
    }

    @Test
    void aFailureWithoutSqlStateIsNotALostRaceAndIsReportedAsItself() {
        // The pool's acquisition timeout has no SQL state; looking it up used to throw a
        // NullPointerException that replaced the real failure.
        assertFalse(Transactions.lostRace(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertFalse(Transactions.lostRace(new RuntimeException(new SQLException("value too long", "22001"))));
    }
}
