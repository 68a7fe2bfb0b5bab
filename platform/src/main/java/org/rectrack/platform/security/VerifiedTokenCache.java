package org.rectrack.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were verified, kept by their exact text so that the next request with
 * the same token is not verified again: the RS256 signature check and the claims parsing are the largest fixed cost
 * of a cached read (issue 8's benchmark). What is kept is only what a verification would give again:
 * <ul>
 * <li>the key is the whole token, so a token differing in one character is verified afresh;</li>
 * <li>a kept token counts only while its {@code exp} is ahead: from then on it is verified again, and refused as
 * verification refuses it;</li>
 * <li>a token is kept for {@link #KEPT} at most, so a verification key withdrawn from the configuration or the
 * identity provider's key set stops counting for the tokens it signed within that time;</li>
 * <li>refused tokens are never kept: each is refused by a full verification.</li>
 * </ul>
 */
public final class VerifiedTokenCache {

    /** How long a verified token is taken on trust. */
    public static final Duration KEPT = Duration.ofSeconds(60);
    private static final int MAX_TOKENS = 10_000;

    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(KEPT)
                .ticker(() -> clock.millis() * 1_000_000)
                .build();
    }

    /** The verification of this very token, if it is kept and not expired; null otherwise. */
    public JsonWebToken get(String token) {
        JsonWebToken known = verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        if (known.getExpirationTime() <= clock.millis() / 1000) {
            verified.invalidate(token);
            return null;
        }
        return known;
    }

    /** Keeps a token that has just been verified. */
    public void put(String token, JsonWebToken verification) {
        verified.put(token, verification);
    }
}
