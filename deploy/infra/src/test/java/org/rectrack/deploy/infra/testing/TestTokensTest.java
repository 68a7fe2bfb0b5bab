package org.rectrack.deploy.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TestTokensTest {

    @Test
    void tokenIsSignedByTheDevelopmentKeyAndCarriesRoleAndOrganisation() throws Exception {
        String[] parts = TestTokens.forRole("reviewer", "lao-ngo").split("\\.");

        assertTrue(verifies(parts), "signature verifies with dev-jwt/public.pem");
        String claims = decode(parts[1]);
        assertTrue(claims.contains("\"iss\":\"https://rectrack.local/dev\""), claims);
        assertTrue(claims.contains("\"groups\":[\"reviewer\"]"), claims);
        assertTrue(claims.contains("\"org\":\"lao-ngo\""), claims);
        assertTrue(expiry(claims) > Instant.now().getEpochSecond(), claims);
    }

    @Test
    void expiredTokenHasExpired() throws Exception {
        String[] parts = TestTokens.expired("ngo", TestTokens.DEFAULT_ORG).split("\\.");

        assertTrue(verifies(parts));
        assertTrue(expiry(decode(parts[1])) < Instant.now().getEpochSecond());
    }

    @Test
    void builderWritesAnyClaimAsGivenAndLeavesOutWhatItIsTold() throws Exception {
        String[] parts = TestTokens.builder("ngo", "lao-ngo").rawClaim("org", "[]").groups("ngo", "diplomat")
                .without("upn").issuer("https://elsewhere.example/").sign().split("\\.");

        assertTrue(verifies(parts));
        String claims = decode(parts[1]);
        assertTrue(claims.contains("\"org\":[]"), claims);
        assertTrue(claims.contains("\"groups\":[\"ngo\",\"diplomat\"]"), claims);
        assertTrue(claims.contains("\"iss\":\"https://elsewhere.example/\""), claims);
        assertFalse(claims.contains("\"upn\""), claims);
    }

    @Test
    void unsignedTokenSaysAlgNoneAndHasNoSignature() {
        String token = TestTokens.builder("admin", "").unsigned().sign();

        assertTrue(token.endsWith("."), token);
        assertEquals("{\"alg\":\"none\",\"typ\":\"JWT\"}", decode(token.split("\\.")[0]));
    }

    @Test
    void tokenSignedWithAnotherKeyDoesNotVerifyWithTheDevelopmentKey() throws Exception {
        String[] parts = TestTokens.builder("admin", "").signedWith(TestTokens.otherKey().getPrivate()).sign().split("\\.");

        assertFalse(verifies(parts));
    }

    private static boolean verifies(String[] parts) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static PublicKey publicKey() throws Exception {
        try (InputStream in = TestTokensTest.class.getClassLoader().getResourceAsStream(InfrastructureTestResource.PUBLIC_KEY_LOCATION)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static long expiry(String claims) {
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        assertTrue(exp.find(), claims);
        return Long.parseLong(exp.group(1));
    }
}
