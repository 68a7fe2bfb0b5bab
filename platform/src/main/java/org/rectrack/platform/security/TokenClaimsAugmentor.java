package org.rectrack.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where a token becomes rectrack's caller, for a bearer token and a browser session alike: refuses, on
 * every endpoint of every service at once, a signed token whose claims rectrack cannot read (see {@link TokenClaims}),
 * so the caller gets a 401 problem+json naming the claim instead of a failure deep in a request; and grants the roles
 * the {@code groups} claim names (MicroProfile JWT's claim, which smallrye-jwt reads already and an OpenID Connect
 * provider's ID token carries through a protocol mapper).
 */
@ApplicationScoped
public class TokenClaimsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            try {
                TokenClaims.check(token.getRawToken());
            } catch (InvalidTokenException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage(), e));
            }
            Set<String> groups = token.getGroups();
            if (groups != null && !identity.getRoles().containsAll(groups)) {
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(groups).build());
            }
        }
        return Uni.createFrom().item(identity);
    }
}
