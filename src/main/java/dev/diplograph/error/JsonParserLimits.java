package dev.diplograph.error;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Says which of Jackson's parser limits a request passed, without the Java method Jackson names. */
public final class JsonParserLimits {

    /** What Jackson adds after a limit's value: ", from `StreamReadConstraints.getMaxNestingDepth()`". */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    private JsonParserLimits() {
    }

    /**
     * "passes a limit of the JSON parser: Document nesting depth (1001) exceeds the maximum allowed
     * (1000)." (nesting deeper than 1,000, a number of over 1,000 digits, and the like), to follow what
     * passed it.
     */
    public static String passed(StreamConstraintsException e) {
        String detail = e.getOriginalMessage() == null ? "a limit was exceeded" : e.getOriginalMessage();
        return "passes a limit of the JSON parser: " + LIMIT_SOURCE.matcher(detail).replaceAll("") + ".";
    }
}
