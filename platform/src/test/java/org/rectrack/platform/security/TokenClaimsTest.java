package org.rectrack.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes of claims rectrack reads; the services' TokenEdgeCasesTest sends such tokens over HTTP. */
class TokenClaimsTest {

    @Test
    void claimsOfTheExpectedShapesPass() {
        assertThatCode(() -> TokenClaims.check(token(
                "{\"sub\":\"ngo@lao-ngo\",\"upn\":\"ngo@lao-ngo\",\"groups\":[\"ngo\",\"diplomat\"],\"org\":\"lao-ngo\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void absentClaimsPass() {
        assertThatCode(() -> TokenClaims.check(token("{\"sub\":\"someone\"}"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"org\":[]", "\"org\":{}", "\"org\":1", "\"org\":null", "\"groups\":\"ngo\"",
            "\"groups\":[1]", "\"groups\":[[\"ngo\"]]", "\"groups\":{}", "\"sub\":{}", "\"upn\":[\"a\"]",
            "\"preferred_username\":false" })
    void aClaimOfAnotherTypeOrShapeIsNamed(String claim) {
        String name = claim.substring(1, claim.indexOf('"', 1));

        assertThatThrownBy(() -> TokenClaims.check(token("{\"iss\":\"x\"," + claim + "}")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void aClaimNamedTwiceIsRefused() {
        // Which of the two counts depends on the reader; a token that reads differently to different readers is no token.
        assertThatThrownBy(() -> TokenClaims.check(token("{\"org\":\"lao-ngo\",\"groups\":[\"ngo\"],\"org\":\"other\"}")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("org");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a.b", "a.!!!.c", "a.W10.c" })
    void aTokenThatIsNotACompactJwtWithAnObjectOfClaimsIsRefused(String raw) {
        assertThatThrownBy(() -> TokenClaims.check(raw)).isInstanceOf(InvalidTokenException.class);
    }

    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
