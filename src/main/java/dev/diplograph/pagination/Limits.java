package dev.diplograph.pagination;

import dev.diplograph.error.BadUserInputException;

/** The page-size contract clients build against: defaults and maxima for every {@code first} argument. */
public final class Limits {

    /** Default page size of top-level connections. */
    public static final int DEFAULT_FIRST = 20;
    /** Largest page size of top-level connections. */
    public static final int MAX_FIRST = 100;
    /** Default length of nested lists (a leader's visits, an area's quotes, ...). */
    public static final int NESTED_DEFAULT_FIRST = 50;
    /** Largest length of nested lists. */
    public static final int NESTED_MAX_FIRST = 500;

    /** Description text shared by every top-level {@code first} argument. */
    public static final String FIRST_DESCRIPTION = "Page size: 0 to 100, default 20.";
    /** Description text shared by every nested {@code first} argument. */
    public static final String NESTED_FIRST_DESCRIPTION = "Maximum number of items: 0 to 500, default 50.";

    private Limits() {
    }

    /** Validates a top-level page size; null means the default. */
    public static int top(Integer first) {
        return check(first, DEFAULT_FIRST, MAX_FIRST);
    }

    /** Validates a nested list length; null means the default. */
    public static int nested(Integer first) {
        return check(first, NESTED_DEFAULT_FIRST, NESTED_MAX_FIRST);
    }

    private static int check(Integer first, int fallback, int max) {
        if (first == null) {
            return fallback;
        }
        if (first < 0 || first > max) {
            throw new BadUserInputException("Argument 'first' must be between 0 and " + max + ", got " + first + ".");
        }
        return first;
    }
}
