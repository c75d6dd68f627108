package dev.diplograph.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a keyset query: fetch {@code first + 1} rows, keep {@code first}, and use the extra row
 * only to tell whether another page follows.
 */
public final class Page {

    private Page() {
    }

    /** Turns the rows of a {@code first + 1} query into edges and page info. */
    public static <N, E> Result<E> of(List<N> rows, int first, boolean after, Function<N, String> cursorOf,
            BiFunction<String, N, E> edgeOf) {
        boolean hasNext = rows.size() > first;
        List<E> edges = new ArrayList<>(Math.min(rows.size(), first));
        String start = null;
        String end = null;
        for (int i = 0; i < rows.size() && i < first; i++) {
            N node = rows.get(i);
            String cursor = cursorOf.apply(node);
            if (start == null) {
                start = cursor;
            }
            end = cursor;
            edges.add(edgeOf.apply(cursor, node));
        }
        return new Result<>(edges, new PageInfo(hasNext, after, start, end));
    }

    /** Edges and page info of one page. */
    public record Result<E>(List<E> edges, PageInfo pageInfo) {
    }
}
