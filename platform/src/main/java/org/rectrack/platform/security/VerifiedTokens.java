package org.rectrack.platform.security;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates the bean that verifies bearer tokens (SmallRye JWT's {@link JWTParser}, which Quarkus's token
 * authentication calls for every request) with the {@link VerifiedTokenCache}: a token already verified, and not
 * expired, is not verified again. Every other method goes to the parser as it is.
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokens implements JWTParser {

    private final VerifiedTokenCache cache = new VerifiedTokenCache(Clock.systemUTC());

    @Inject
    @Delegate
    JWTParser verifier;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = cache.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = verifier.parse(token);
        cache.put(token, verified);
        return verified;
    }
}
