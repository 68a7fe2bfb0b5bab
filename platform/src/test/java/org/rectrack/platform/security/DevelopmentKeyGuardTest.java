package org.rectrack.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** The development key is refused outside dev and test, recognised by its content however it is written. */
class DevelopmentKeyGuardTest {

    /** The key as the repository holds it, not the copy the guard reads. */
    private static final Path DEVELOPMENT_KEY = Path.of("../deploy/local/dev-keys/public.pem");

    @Test
    void theDevelopmentKeyIsRefusedInProduction() throws Exception {
        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "MP_JWT_VERIFY_PUBLICKEY_LOCATION=/keys/idp.pem",
                Files.readString(DEVELOPMENT_KEY)))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("/keys/idp.pem", "development signing key", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }

    @Test
    void theDevelopmentKeyIsRefusedInAnyProfileButDevAndTest() throws Exception {
        String key = Files.readString(DEVELOPMENT_KEY);

        assertThat(DevelopmentKeyGuard.refusal(List.of("staging"), "location", key)).isPresent();
        assertThat(DevelopmentKeyGuard.refusal(List.of(), "location", key)).isPresent();
        assertThat(DevelopmentKeyGuard.refusal(List.of("dev"), "location", key)).isEmpty();
        assertThat(DevelopmentKeyGuard.refusal(List.of("test"), "location", key)).isEmpty();
    }

    @Test
    void theDevelopmentKeyIsKnownByItsContentNotItsLayout() throws Exception {
        PublicKey development = KeyUtils.decodePublicKey(Files.readString(DEVELOPMENT_KEY));
        String oneLine = "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(development.getEncoded())
                + "-----END PUBLIC KEY-----";
        String crlf = Files.readString(DEVELOPMENT_KEY).replace("\n", "\r\n");

        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "location", oneLine)).isPresent();
        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "location", crlf)).isPresent();
    }

    @Test
    void aJwkSetHoldingTheDevelopmentKeyIsRefused() throws Exception {
        PublicKey development = KeyUtils.decodePublicKey(Files.readString(DEVELOPMENT_KEY));
        String jwks = new JsonWebKeySet(PublicJsonWebKey.Factory.newPublicJwk(otherKey()),
                PublicJsonWebKey.Factory.newPublicJwk(development)).toJson();

        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "https://idp.example/jwks", jwks)).isPresent();
    }

    @Test
    void anotherKeyIsTrustedInProduction() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(otherKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String jwks = new JsonWebKeySet(PublicJsonWebKey.Factory.newPublicJwk(otherKey())).toJson();

        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "location", pem)).isEmpty();
        assertThat(DevelopmentKeyGuard.refusal(List.of("prod"), "location", jwks)).isEmpty();
    }

    private static PublicKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }
}
