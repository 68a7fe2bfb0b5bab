package org.rectrack.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, on every endpoint of every service at once, a signed token whose claims rectrack cannot read (see
 * {@link TokenClaims}): the caller gets a 401 problem+json naming the claim instead of a failure deep in a request.
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
        }
        return Uni.createFrom().item(identity);
    }
}
