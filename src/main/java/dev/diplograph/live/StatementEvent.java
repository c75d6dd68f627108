package dev.diplograph.live;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.diplograph.statement.Statement;

/** A committed new statement with what subscription filters look at, loaded once for all subscribers. */
public record StatementEvent(Statement statement, String speaker, String visit, String source, String outlet,
        List<String> sectors,
        List<String> projects, LocalDate date, Set<String> terms, long committedAtMicros) {
}
