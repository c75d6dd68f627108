package dev.diplograph.graphql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.diplograph.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every argument of every query and mutation, and every field of the mutations' input objects, given
 * values of each wrong kind (and null), as literals and as variables: each answer is a GraphQL error
 * with a code other than INTERNAL_SERVER_ERROR and without Java or AST class names. Walked from the
 * served schema, so new fields are covered as they come. Sent anonymously: nothing is written.
 */
@QuarkusTest
class ArgumentFuzzTest {

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
    private static final String INTROSPECTION = "{ __schema { types { name kind enumValues { name } "
            + "fields { name args { name type { " + TYPE_REF + " } } } inputFields { name type { " + TYPE_REF + " } } } } }";

    private static final List<String> LITERALS = List.of("5", "1.5", "\"s\"", "true", "NO_SUCH_VALUE", "[1]", "{a: 1}",
            "null", "\"2025-02-30\"", "[]", "{}");
    private static final List<Object> VALUES = Arrays.asList(5, 1.5, "s", true, List.of(1), Map.of("a", 1), null,
            "2025-02-30", List.of(), Map.of(), 1L << 40, -1, "\u0000", "x".repeat(300));

    /** Java and graphql-java class names; GraphQL's own type names (String, Boolean) may appear. */
    private static final Pattern CLASS_NAMES = Pattern.compile("(?s).*(\\w+Value\\{|SRGQL|Exception|java\\.|graphql\\."
            + "|'(BigDecimal|BigInteger|ArrayList|LinkedHashMap|HashMap|Map|List|Integer|Long|Double|Object)').*");

    private Map<String, Map<String, Object>> types;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void wrongValuesForEveryArgumentAreCodedErrorsWithoutClassNames() {
        List<Map<String, Object>> all = GraphQL.post(INTROSPECTION).extract().jsonPath().getList("data.__schema.types");
        types = new HashMap<>();
        all.forEach(type -> types.put((String) type.get("name"), type));
        for (String root : List.of("Query", "Mutation")) {
            for (Map<String, Object> field : list(types.get(root), "fields")) {
                for (Map<String, Object> argument : list(field, "args")) {
                    fuzzArgument(root.equals("Query") ? "query" : "mutation", field, argument);
                }
            }
        }
        for (Map<String, Object> field : list(types.get("Mutation"), "fields")) {
            for (Map<String, Object> argument : list(field, "args")) {
                Map<String, Object> input = types.get(baseName(type(argument)));
                if ("INPUT_OBJECT".equals(input.get("kind"))) {
                    fuzzInputFields(field, argument, input, List.of());
                }
            }
        }
        assertTrue(requests > 1000, "the walk covered too little of the schema: " + requests + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " answers broke the rules:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private void fuzzArgument(String operation, Map<String, Object> field, Map<String, Object> argument) {
        String name = (String) field.get("name");
        String others = otherRequiredArguments(field, argument);
        for (String literal : LITERALS) {
            check(operation + " { " + name + "(" + argument.get("name") + ": " + literal + others + ") { __typename } }",
                    Map.of());
        }
        String declared = typeName(type(argument));
        for (Object value : VALUES) {
            check(operation + "($v: " + declared + ") { " + name + "(" + argument.get("name") + ": $v" + others
                    + ") { __typename } }", Collections.singletonMap("v", value));
        }
    }

    /** Sets each field of the input object (at {@code path} inside the argument) to each wrong value in turn. */
    private void fuzzInputFields(Map<String, Object> field, Map<String, Object> argument, Map<String, Object> input,
            List<String> path) {
        String query = "mutation($v: " + typeName(type(argument)) + ") { " + field.get("name") + "("
                + argument.get("name") + ": $v" + otherRequiredArguments(field, argument) + ") { __typename } }";
        for (Map<String, Object> inputField : list(input, "inputFields")) {
            for (Object value : VALUES) {
                Map<String, Object> variable = sample(types.get(baseName(type(argument))));
                Map<String, Object> at = variable;
                for (String step : path) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(step, k -> new LinkedHashMap<>());
                    at = next;
                }
                at.put((String) inputField.get("name"), value);
                check(query, Collections.singletonMap("v", variable));
            }
            Map<String, Object> nested = types.get(baseName(type(inputField)));
            if ("INPUT_OBJECT".equals(nested.get("kind")) && path.size() < 2) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add((String) inputField.get("name"));
                fuzzInputFields(field, argument, input, deeper);
            }
        }
    }

    private void check(String query, Map<String, Object> variables) {
        requests++;
        var response = GraphQL.send(null, query, variables);
        int status = response.statusCode();
        String body = response.asString();
        String where = query + " " + variables;
        if (status != 200 && status != 400) {
            failures.add("HTTP " + status + ": " + where);
            return;
        }
        List<Map<String, Object>> errors = JsonPath.from(body).getList("errors");
        for (Map<String, Object> error : errors == null ? List.<Map<String, Object>> of() : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            Object code = extensions == null ? null : extensions.get("code");
            String message = String.valueOf(error.get("message"));
            if (code == null || "INTERNAL_SERVER_ERROR".equals(code)) {
                failures.add("code " + code + " (" + message + "): " + where);
            } else if (CLASS_NAMES.matcher(message).matches()) {
                failures.add("class name in \"" + message + "\": " + where);
            } else if (CLASS_NAMES.matcher(String.valueOf(extensions.values())).matches()) {
                failures.add("class name in extensions " + extensions + ": " + where);
            }
        }
    }

    /** The field's other non-null String arguments, given a value that is no valid key (nothing matches). */
    private static String otherRequiredArguments(Map<String, Object> field, Map<String, Object> except) {
        StringBuilder others = new StringBuilder();
        for (Map<String, Object> argument : list(field, "args")) {
            if (argument != except && "String!".equals(typeName(type(argument)))) {
                others.append(", ").append(argument.get("name")).append(": \"no such key\"");
            }
        }
        return others.toString();
    }

    /** An input object with each non-null field set to a plausible value. */
    private Map<String, Object> sample(Map<String, Object> input) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (Map<String, Object> inputField : list(input, "inputFields")) {
            Map<String, Object> type = type(inputField);
            if ("NON_NULL".equals(type.get("kind"))) {
                value.put((String) inputField.get("name"), sampleValue(type));
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Object sampleValue(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> sampleValue((Map<String, Object>) type.get("ofType"));
            case "LIST" -> List.of(sampleValue((Map<String, Object>) type.get("ofType")));
            case "ENUM" -> list(types.get((String) type.get("name")), "enumValues").get(0).get("name");
            case "INPUT_OBJECT" -> sample(types.get((String) type.get("name")));
            default -> switch ((String) type.get("name")) {
                case "Int" -> 1;
                case "Boolean" -> true;
                case "Date" -> "2025-01-01";
                default -> "fuzz";
            };
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> owner, String key) {
        Object value = owner.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> type(Map<String, Object> typed) {
        return (Map<String, Object>) typed.get("type");
    }

    @SuppressWarnings("unchecked")
    private static String baseName(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("name") == null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return (String) t.get("name");
    }

    @SuppressWarnings("unchecked")
    private static String typeName(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> typeName((Map<String, Object>) type.get("ofType")) + "!";
            case "LIST" -> "[" + typeName((Map<String, Object>) type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }
}
