package org.rectrack.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

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

    /**
     * The organisation the token names, if any (a blank one is none). It is a name a client's identity provider
     * issues: it tells organisations apart, never a system actor from a client (that is what roles are for).
     *
     * @throws InvalidTokenException (401) when the claim is not a string; {@link TokenClaimsAugmentor} refuses such
     *                               a token before any endpoint runs, this is the same rule where the claim is read
     */
    public Optional<String> organisation() {
        String organisation = switch (token.getClaim(ORGANISATION_CLAIM)) {
            case null -> null;
            case String text -> text;
            case JsonString text -> text.getString();
            default -> throw TokenClaims.invalid(ORGANISATION_CLAIM, "must be a string");
        };
        return organisation == null || organisation.isBlank() ? Optional.empty() : Optional.of(organisation);
    }

    /** The raw bearer token, for passing the caller on to another service. */
    public Optional<String> rawToken() {
        return Optional.ofNullable(token.getRawToken());
    }
}
