package dev.diplograph.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords graphql-java's messages about values of the wrong type without the Java and AST class names they carry. */
final class PlainMessages {

    /** "argument 'x' with value 'IntValue{value=5}' is not a valid 'String' - Expected an AST type of …". */
    private static final Pattern WRONG_LITERAL = Pattern.compile(
            "Validation error \\(WrongType@\\[([^\\]]*)\\]\\) : argument '([^']*)' with value '.*' is not a valid '([^']*)'.*",
            Pattern.DOTALL);

    /** "…, but it was a 'LinkedHashMap'" in variable coercion errors. */
    private static final Pattern JAVA_TYPE = Pattern.compile("but it was a '(\\w+)'");

    /** SmallRye's "SRGQL000013: Expected type [Date] but was [BigDecimal]." for a variable of one of its scalars. */
    private static final Pattern SMALLRYE_TYPE = Pattern.compile("SRGQL\\d+: Expected type \\[(\\w+)\\] but was \\[(\\w+)\\]\\.?");

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
        if (message == null) {
            return null;
        }
        Matcher literal = WRONG_LITERAL.matcher(message);
        if (literal.matches()) {
            return "Argument '" + literal.group(2) + "' of " + literal.group(1) + " is not a valid " + literal.group(3)
                    + ".";
        }
        Matcher java = JAVA_TYPE.matcher(message);
        StringBuilder plain = new StringBuilder();
        while (java.find()) {
            java.appendReplacement(plain, "but it was " + kind(java.group(1)));
        }
        java.appendTail(plain);
        Matcher smallrye = SMALLRYE_TYPE.matcher(plain);
        StringBuilder plainer = new StringBuilder();
        while (smallrye.find()) {
            smallrye.appendReplacement(plainer, "expected a " + smallrye.group(1) + " but it was " + kind(smallrye.group(2)) + ".");
        }
        return smallrye.appendTail(plainer).toString();
    }

    private static String kind(String javaType) {
        return JSON_KINDS.getOrDefault(javaType, "a value of another type");
    }
}
