package dev.diplograph.error;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.diplograph.dataset.DatasetResource;
import dev.diplograph.dataset.InvalidDatasetException;
import dev.diplograph.dataset.MalformedDatasetException;
import dev.diplograph.dataset.PayloadTooLargeException;
import dev.diplograph.dataset.UnsupportedContentEncodingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/** Turns every failure of the REST endpoints into a JSON error body with a stable code; never a stack trace. */
public class RestErrorMappers {

    private static final Logger LOG = Logger.getLogger(RestErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidDataset(InvalidDatasetException e) {
        var problems = e.errors().stream().map(p -> new ErrorBody.Problem(p.pointer(), p.message())).toList();
        return json(422, new ErrorBody(ErrorCodes.INVALID_DATASET,
                (e.errors().size() + e.omitted()) + " problem(s) found; nothing was written.", problems,
                e.omitted() == 0 ? null : e.omitted()));
    }

    @ServerExceptionMapper
    public Response malformed(MalformedDatasetException e) {
        String where = e.line() < 0 ? "" : " (line " + e.line() + ", column " + e.column() + ")";
        return json(400, ErrorBody.of(ErrorCodes.MALFORMED_BODY, e.getMessage() + where + " Nothing was written."));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return json(413, ErrorBody.of(ErrorCodes.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** RFC 9110 (15.5.16): a 415 for a content coding names the codings that would be read. */
    @ServerExceptionMapper
    public Response unsupportedEncoding(UnsupportedContentEncodingException e) {
        return Response.status(415).type(MediaType.APPLICATION_JSON_TYPE).header("Accept-Encoding", "gzip")
                .entity(ErrorBody.of(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, e.getMessage())).build();
    }

    /**
     * A bearer token that is neither the editor token nor a valid JWT. On {@code /graphql} the body
     * has the GraphQL error shape, so GraphQL clients find {@code extensions.code} where they look.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(HttpServerRequest request) {
        String message = "This operation needs a valid bearer token with the editor role.";
        Object body = request.path().startsWith("/graphql")
                ? Map.of("errors", List.of(Map.of("message", message,
                        "extensions", Map.of("code", ErrorCodes.UNAUTHENTICATED))))
                : ErrorBody.of(ErrorCodes.UNAUTHENTICATED, message);
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(body).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ErrorBody.of(ErrorCodes.FORBIDDEN, "The token is valid but lacks the editor role."));
    }

    /**
     * The framework's own refusals (no such path, method or media type), in the same JSON shape. A 405
     * carries the {@code Allow} header RFC 9110 requires, which the framework's exception leaves out.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCodes.INTERNAL_SERVER_ERROR : ErrorCodes.BAD_REQUEST;
        };
        String allow = e.getResponse().getHeaderString("Allow");
        if (status == 405 && allow == null && request.path().startsWith("/api/datasets")) {
            allow = DatasetResource.ALLOW;
        }
        String message = switch (status) {
            case 404 -> "Nothing is served at " + request.path() + ".";
            case 405 -> request.path() + " does not accept " + request.method().name()
                    + (allow == null ? "." : "; it accepts " + allow + ".");
            case 406 -> "This resource answers with application/json; the Accept header allows no such type.";
            case 415 -> "Send the body as Content-Type: application/json.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message));
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response busy(ServiceBusyException e) {
        return retryLater(ErrorCodes.SERVICE_BUSY, e.getMessage());
    }

    /** No connection in time, or no database: retryable, so a 503 that says when to try again. */
    @ServerExceptionMapper
    public Response unavailable(DatabaseUnavailableException e) {
        return retryLater(ErrorCodes.DATABASE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Throwable unavailable = DatabaseUnavailableException.reason(e);
        if (unavailable != null) {
            LOG.warnf("No database connection: %s", unavailable.getMessage());
            return unavailable(new DatabaseUnavailableException());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure (reference %s)", reference);
        return json(500, ErrorBody.of(ErrorCodes.INTERNAL_SERVER_ERROR,
                "Internal server error (reference " + reference + "). Nothing was written."));
    }

    /** A 503 for a refusal that passes: nothing was written, and the client may try again in a few seconds. */
    private static Response retryLater(String code, String message) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "5")
                .entity(ErrorBody.of(code, message)).build();
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
