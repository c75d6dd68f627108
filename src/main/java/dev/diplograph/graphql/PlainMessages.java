package dev.diplograph.graphql;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords graphql-java's messages about values of the wrong type without the Java and AST class names they carry. */
final class PlainMessages {

    /** "argument 'x' with value 'IntValue{value=5}' is not a valid 'String' - Expected an AST type of …". */
    private static final Pattern WRONG_LITERAL = Pattern.compile(
            "Validation error \\(WrongType@\\[([^\\]]*)\\]\\) : argument '([^']*)' with value '.*' is not a valid '([^']*)'.*",
            Pattern.DOTALL);

    /**
     * "argument 'filter' with value 'ObjectValue{objectFields=[…]}' contains a field not in 'QuoteFilter': 'x'", and
     * graphql-java's other argument messages (i18n/Validation.properties, ArgumentValidationUtil) but "is not a valid".
     */
    private static final Pattern WRONG_ARGUMENT = Pattern.compile(
            "Validation error \\(WrongType@\\[([^\\]]*)\\]\\) : argument '([^']*)' with value '.*' "
                    + "(contains a field not in '[^']*': '[^']*'|is missing required fields '[^']*'|must not be null|must be an object type)\\.?",
            Pattern.DOTALL);

    /** "…, but it was a 'LinkedHashMap'" in variable coercion errors. */
    private static final Pattern JAVA_TYPE = Pattern.compile("but it was a '(\\w+)'");

    /** SmallRye's "SRGQL000013: Expected type [Date] but was [BigDecimal]." for a variable of one of its scalars. */
    private static final Pattern SMALLRYE_TYPE = Pattern.compile("SRGQL\\d+: Expected type \\[(\\w+)\\] but was \\[(\\w+)\\]\\.?");

    /** graphql-java's "Expected type 'Map' but was 'BigDecimal'. Variables for input objects must be an instance of type 'Map'." */
    private static final Pattern INPUT_OBJECT = Pattern.compile(
            "Expected type 'Map' but was '(\\w+)'\\. Variables for input objects must be an instance of type 'Map'\\.");

    private static final Map<String, String> JSON_KINDS = Map.ofEntries(
            Map.entry("String", "a string"), Map.entry("Boolean", "a boolean"),
            Map.entry("BigDecimal", "a number"), Map.entry("BigInteger", "a number"), Map.entry("Integer", "a number"),
            Map.entry("Long", "a number"), Map.entry("Double", "a number"), Map.entry("Float", "a number"),
            Map.entry("ArrayList", "an array"), Map.entry("List", "an array"),
            Map.entry("LinkedHashMap", "an object"), Map.entry("HashMap", "an object"), Map.entry("Map", "an object"));

    private PlainMessages() {
    }

    /** The message with the value's type named as JSON or GraphQL would name it. */
    static String of(String message) {
        return of(message, null);
    }

    /**
     * The same, for an argument of the directive named {@code directive} (null for a field's argument): graphql-java
     * names only the field the directive sits on.
     */
    static String of(String message, String directive) {
        if (message == null) {
            return null;
        }
        Matcher literal = WRONG_LITERAL.matcher(message);
        if (literal.matches()) {
            return "Argument '" + literal.group(2) + "' of " + owner(literal.group(1), directive) + " is not a valid "
                    + literal.group(3) + ".";
        }
        Matcher argument = WRONG_ARGUMENT.matcher(message);
        if (argument.matches()) {
            return "Argument '" + argument.group(2) + "' of " + owner(argument.group(1), directive) + " "
                    + argument.group(3) + ".";
        }
        String plain = replace(JAVA_TYPE, message, m -> "but it was " + kind(m.group(1)));
        plain = replace(SMALLRYE_TYPE, plain, m -> "expected a " + m.group(1) + " but it was " + kind(m.group(2)) + ".");
        return replace(INPUT_OBJECT, plain, m -> "expected an object but it was " + kind(m.group(1)) + ".");
    }

    /** "leader", "@skip on leader", or "@skip on the operation" for a directive on the operation itself. */
    private static String owner(String path, String directive) {
        if (directive == null) {
            return path.isEmpty() ? "the operation" : path;
        }
        return "@" + directive + " on " + (path.isEmpty() ? "the operation" : path);
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(with.apply(match)));
    }

    private static String kind(String javaType) {
        return JSON_KINDS.getOrDefault(javaType, "a value of another type");
    }
}
