package dev.diplograph.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the input field an error is about, in one form for every source of errors: Bean
 * Validation property paths and the JSON Pointers of the dataset write path both become
 * {@code input.sectors[1].sector}.
 */
final class InputPaths {

    private InputPaths() {
    }

    /** {@code /visits/0/sectors/1/sector} (a one-record document) becomes {@code input.sectors[1].sector}. */
    static String fromPointer(String pointer) {
        String[] parts = pointer.split("/", -1);
        List<String> tail = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            tail.add(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        return join("input", tail);
    }

    /** {@code [upsertVisit, input, sectors, 1, sector]} becomes {@code input.sectors[1].sector}. */
    static String fromPropertyPath(Object path) {
        List<String> parts = new ArrayList<>();
        if (path instanceof List<?> list) {
            list.forEach(p -> parts.add(String.valueOf(p)));
        } else if (path != null) {
            for (String p : String.valueOf(path).split("\\.")) {
                parts.add(p);
            }
        }
        if (parts.size() > 1) {
            return join(parts.get(1), parts.subList(2, parts.size()));
        }
        return parts.isEmpty() ? "input" : parts.get(0);
    }

    private static String join(String root, List<String> parts) {
        StringBuilder path = new StringBuilder(root);
        for (String part : parts) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                path.append('[').append(part).append(']');
            } else {
                path.append('.').append(part);
            }
        }
        return path.toString();
    }
}
