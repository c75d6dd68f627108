package dev.diplograph.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Accepts the static editor token as a bearer token. It runs before the JWT mechanism and declines
 * (a null identity) every other token, which the JWT mechanism then verifies, so both work side by side.
 */
@ApplicationScoped
public class EditorTokenAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    private final EditorToken editorToken;

    public EditorTokenAuthMechanism(EditorToken editorToken) {
        this.editorToken = editorToken;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !editorToken.matches(header.substring(BEARER.length()).strip())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(editorIdentity());
    }

    /** Who the static editor token stands for, over HTTP and in a WebSocket connection_init alike. */
    public static SecurityIdentity editorIdentity() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("editor-token")).addRole(Roles.EDITOR)
                .build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
