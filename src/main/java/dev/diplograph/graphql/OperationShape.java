package dev.diplograph.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The size of one operation as the executor would see it, with fragments expanded: nesting depth,
 * fields, aliases and root fields. Each fragment is measured once, so a fragment that spreads
 * another many times ("fragment bomb") costs no more to measure than to read.
 */
record OperationShape(long depth, long fields, long aliases, long rootFields) {

    /** Measures {@code operation}; unknown fragments count as empty, a cycle is cut where it closes. */
    static OperationShape of(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(fragment.getName(), fragment);
        }
        Measurer measurer = new Measurer(fragments);
        Size size = measurer.measure(operation.getSelectionSet());
        return new OperationShape(size.depth, size.fields, size.aliases, measurer.rootFields(operation.getSelectionSet()));
    }

    private record Size(long depth, long fields, long aliases) {
        static final Size NONE = new Size(0, 0, 0);

        Size plus(Size other) {
            return new Size(Math.max(depth, other.depth), saturated(fields + other.fields),
                    saturated(aliases + other.aliases));
        }

        private static long saturated(long value) {
            return value < 0 ? Long.MAX_VALUE : value;
        }
    }

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Size> measured = new HashMap<>();
        private final Map<String, Long> roots = new HashMap<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Size measure(SelectionSet set) {
            Size size = Size.NONE;
            if (set == null) {
                return size;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    Size below = measure(field.getSelectionSet());
                    // Introspection (__schema, __type) nests deeply by design (GraphiQL's TypeRef);
                    // graphql-java's good-faith introspection check bounds it, so only its fields count.
                    long depth = field.getName().startsWith("__") ? 1 : below.depth + 1;
                    size = size.plus(new Size(depth, below.fields + 1,
                            below.aliases + (field.getAlias() != null ? 1 : 0)));
                } else if (selection instanceof InlineFragment inline) {
                    size = size.plus(measure(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    size = size.plus(fragment(spread.getName()));
                }
            }
            return size;
        }

        long rootFields(SelectionSet set) {
            long count = 0;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field) {
                    count++;
                } else if (selection instanceof InlineFragment inline) {
                    count += rootFields(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    Long known = roots.get(spread.getName());
                    if (known == null) {
                        roots.put(spread.getName(), 0L); // cut cycles
                        known = rootFields(fragments.get(spread.getName()).getSelectionSet());
                        roots.put(spread.getName(), known);
                    }
                    count += known;
                }
                count = count < 0 ? Long.MAX_VALUE : count;
            }
            return count;
        }

        private Size fragment(String name) {
            Size size = measured.get(name);
            if (size == null) {
                FragmentDefinition definition = fragments.get(name);
                measured.put(name, Size.NONE); // a spread of this fragment inside itself adds nothing
                size = definition == null ? Size.NONE : measure(definition.getSelectionSet());
                measured.put(name, size);
            }
            return size;
        }
    }
}
