package org.rectrack.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: name, roles and organisation (the token's {@code org} claim). */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "org";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> organisation() {
        String organisation = token.getClaim(ORGANISATION_CLAIM);
        return organisation == null || organisation.isBlank() ? Optional.empty() : Optional.of(organisation);
    }

    /** The raw bearer token, for passing the caller on to another service. */
    public Optional<String> rawToken() {
        return Optional.ofNullable(token.getRawToken());
    }
}
