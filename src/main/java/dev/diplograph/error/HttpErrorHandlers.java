package dev.diplograph.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.diplograph.config.DiplographConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body is over the HTTP size limit before anything reads it,
 * with the same JSON error body as every other error (the HTTP layer's own refusal has no body).
 */
@ApplicationScoped
public class HttpErrorHandlers {

    private final long limit;

    public HttpErrorHandlers(DiplographConfig config) {
        this.limit = config.datasets().maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLength);
    }

    private void checkLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limit) {
            String message = "The request body is larger than this service accepts (" + limit
                    + " bytes, diplograph.datasets.max-body-size). Nothing was written.";
            JsonObject body = context.request().path().startsWith("/graphql")
                    ? new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                            .put("extensions", new JsonObject().put("code", ErrorCodes.PAYLOAD_TOO_LARGE))))
                    : new JsonObject().put("code", ErrorCodes.PAYLOAD_TOO_LARGE).put("message", message);
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body.encode());
            return;
        }
        context.next();
    }
}
