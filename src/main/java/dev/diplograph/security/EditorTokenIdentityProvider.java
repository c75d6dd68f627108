package dev.diplograph.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Accepts the static editor token as a bearer token. Any other token is passed on (a null identity)
 * to the next provider, the JWT verifier, so both work side by side.
 */
@ApplicationScoped
public class EditorTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final EditorToken editorToken;

    public EditorTokenIdentityProvider(EditorToken editorToken) {
        this.editorToken = editorToken;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!editorToken.matches(request.getToken().getToken())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("editor-token"))
                .addRole(Roles.EDITOR)
                .build());
    }
}
