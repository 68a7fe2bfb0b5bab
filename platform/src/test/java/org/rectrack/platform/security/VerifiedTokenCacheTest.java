package org.rectrack.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final VerifiedTokenCache cache = new VerifiedTokenCache(clock);

    @Test
    void aVerifiedTokenIsKeptByItsExactText() {
        JsonWebToken verified = token(clock.instant().plusSeconds(3600));
        cache.put("header.payload.signature", verified);

        assertThat(cache.get("header.payload.signature")).isSameAs(verified);
        assertThat(cache.get("header.payload.signaturf")).isNull();
        assertThat(cache.get("other")).isNull();
    }

    @Test
    void aKeptTokenCountsNoLongerOnceItHasExpired() {
        cache.put("token", token(clock.instant().plusSeconds(30)));

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("token")).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("token")).isNull();
    }

    @Test
    void aTokenIsTakenOnTrustForAMinuteAtMostThenVerifiedAgain() {
        cache.put("token", token(clock.instant().plusSeconds(3600)));

        clock.advance(VerifiedTokenCache.KEPT.minusSeconds(1));
        assertThat(cache.get("token")).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("token")).isNull();
    }

    /** A verified token as the parser gives it; only its expiry matters here. */
    private static JsonWebToken token(Instant expires) {
        Map<String, Object> claims = Map.of("exp", expires.getEpochSecond(), "sub", "someone");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
