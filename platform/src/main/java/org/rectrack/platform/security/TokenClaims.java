package org.rectrack.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shape of the claims rectrack reads, checked on the token's own JSON (smallrye-jwt has verified its signature,
 * issuer and expiry before): {@code org}, {@code sub}, {@code upn} and {@code preferred_username} are strings when
 * present, {@code groups} is an array of strings (MicroProfile JWT 2.1, section "groups"), and no claim is named
 * twice (RFC 7519, section 4: a duplicate name is invalid or the last one counts, so one reader may see what another
 * does not). An absent claim is not checked here: what it means is decided where it is read.
 */
public final class TokenClaims {

    /** Claims read as one string each: the organisation and the names the principal's name comes from. */
    private static final List<String> STRING_CLAIMS = List.of(Caller.ORGANISATION_CLAIM, "sub", "upn", "preferred_username");
    private static final String GROUPS_CLAIM = "groups";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TokenClaims() {
    }

    /**
     * Checks the claims of a compact JWS.
     *
     * @throws InvalidTokenException naming the first claim of the wrong type or shape
     */
    public static void check(String rawToken) {
        JsonNode claims = claimsOf(rawToken);
        for (String name : STRING_CLAIMS) {
            JsonNode value = claims.get(name);
            if (value != null && !value.isTextual()) {
                throw invalid(name, "must be a string");
            }
        }
        JsonNode groups = claims.get(GROUPS_CLAIM);
        if (groups != null) {
            if (!groups.isArray()) {
                throw invalid(GROUPS_CLAIM, "must be an array of role names");
            }
            for (JsonNode role : groups) {
                if (!role.isTextual()) {
                    throw invalid(GROUPS_CLAIM, "must be an array of role names, and holds " + role.getNodeType());
                }
            }
        }
    }

    /** The 401 for a claim of the wrong type or shape. */
    public static InvalidTokenException invalid(String claim, String message) {
        return new InvalidTokenException("the token's claim '" + claim + "' " + message);
    }

    private static JsonNode claimsOf(String rawToken) {
        String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a signed JWT in compact form");
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (claims == null || !claims.isObject()) {
                throw new InvalidTokenException("the token's claims are not a JSON object");
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("the token's claims cannot be read: " + e.getMessage());
        }
    }
}
