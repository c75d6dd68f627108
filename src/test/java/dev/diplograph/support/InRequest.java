package dev.diplograph.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/** Runs test code inside a CDI request context of its own, as a GraphQL read runs (no transaction). */
public final class InRequest {

    /** Test code that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private InRequest() {
    }

    /** Activates a request context, runs {@code body} in it and terminates the context. */
    public static void run(Body body) throws Exception {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            body.run();
        } finally {
            request.terminate();
        }
    }
}
