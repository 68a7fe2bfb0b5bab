package org.rectrack.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: name, roles and organisation (the token's {@code org} claim), the same for a bearer token and for a
 * browser's signed-in session (the gateway's OpenID Connect code flow, whose principal is the session's ID token).
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "org";

    /** The type of the credential that is an OAuth 2.0 access token, for either mechanism (RFC 6750). */
    private static final String ACCESS_TOKEN = "bearer";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The caller's stable identifier at its identity provider (the token's {@code sub}, RFC 7519 §4.1.2), or its name
     * when the token has none.
     */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : name();
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
        return organisationOf(identity);
    }

    /** {@link #organisation()} of an identity, where no request-scoped Caller is at hand (a plain HTTP route). */
    public static Optional<String> organisationOf(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        String organisation = switch (token.getClaim(ORGANISATION_CLAIM)) {
            case null -> null;
            case String text -> text;
            case JsonString text -> text.getString();
            default -> throw TokenClaims.invalid(ORGANISATION_CLAIM, "must be a string");
        };
        return organisation == null || organisation.isBlank() ? Optional.empty() : Optional.of(organisation);
    }

    /**
     * The caller's access token, for passing the caller on to another service: the bearer token it sent, or the
     * access token of its browser session (never the ID token, which is for the gateway alone).
     */
    public Optional<String> rawToken() {
        for (var credential : identity.getCredentials()) {
            if (credential instanceof TokenCredential token && ACCESS_TOKEN.equalsIgnoreCase(token.getType())) {
                return Optional.ofNullable(token.getToken());
            }
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? Optional.ofNullable(token.getRawToken()) : Optional.empty();
    }
}
