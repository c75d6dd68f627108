package dev.diplograph.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build names itself from the resource Maven filters, not from a per-process fallback. */
class BuildTest {

    @Test
    void theBuildIdIsTheProjectVersionAndTheBuildTime() {
        assertTrue(Build.id().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), Build.id());
    }
}
