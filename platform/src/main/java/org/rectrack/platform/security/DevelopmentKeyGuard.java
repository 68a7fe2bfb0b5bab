package org.rectrack.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Refuses to start a service outside the {@code dev} and {@code test} profiles when it would trust the development
 * signing key ({@code deploy/local/dev-keys/public.pem}): its private half is in the repository, so anyone could
 * sign an admin's token. The key is recognised by its content (a PEM, a certificate or a JWKS holding it), wherever
 * {@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey} names it.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    /** The profiles in which the development key may be trusted: a developer's machine and the tests. */
    static final Set<String> TRUSTING_PROFILES = Set.of("dev", "test");

    /** The development public key, a copy of deploy/local/dev-keys/public.pem made by the build. */
    static final String DEVELOPMENT_KEY_RESOURCE = "org/rectrack/platform/security/dev-key/public.pem";

    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final String INLINE = "mp.jwt.verify.publickey";

    /** @throws IllegalStateException (the service does not start) when the development key would be trusted */
    void onStart(@Observes StartupEvent start, Config config) {
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        if (profiles.stream().anyMatch(TRUSTING_PROFILES::contains)) {
            return;
        }
        config.getOptionalValue(INLINE, String.class)
                .flatMap(key -> refusal(profiles, INLINE, key))
                .ifPresent(DevelopmentKeyGuard::refuse);
        config.getOptionalValue(LOCATION, String.class)
                .flatMap(location -> read(location).flatMap(key -> refusal(profiles, LOCATION + "=" + location, key)))
                .ifPresent(DevelopmentKeyGuard::refuse);
    }

    /**
     * Why a service in these profiles must not trust this key, or empty when it may.
     *
     * @param profiles the active configuration profiles
     * @param source   where the key was named, for the message
     * @param content  the key as configured: a PEM public key or certificate, or a JWK set
     */
    static Optional<String> refusal(Collection<String> profiles, String source, String content) {
        if (profiles.stream().anyMatch(TRUSTING_PROFILES::contains) || !holdsDevelopmentKey(content)) {
            return Optional.empty();
        }
        return Optional.of("Refusing to start: " + source + " is the development signing key"
                + " (deploy/local/dev-keys/public.pem), whose private half is public in the repository, so anyone could"
                + " sign a token for any role. Outside the dev and test profiles (active: " + profiles + ") set"
                + " MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's key or JWKS URL.");
    }

    static boolean holdsDevelopmentKey(String content) {
        byte[] development = developmentKey().getEncoded();
        return publicKeys(content).stream().anyMatch(key -> Arrays.equals(key.getEncoded(), development));
    }

    /** The public keys in a PEM key, a PEM certificate or a JWK set; none when the content is none of them. */
    static List<PublicKey> publicKeys(String content) {
        String trimmed = content.strip();
        List<PublicKey> keys = new ArrayList<>();
        if (trimmed.startsWith("{")) {
            for (JsonWebKey key : KeyUtils.loadJsonWebKeys(trimmed)) {
                if (key instanceof PublicJsonWebKey publicKey && publicKey.getPublicKey() != null) {
                    keys.add(publicKey.getPublicKey());
                }
            }
            return keys;
        }
        try {
            keys.add(trimmed.contains("CERTIFICATE") ? KeyUtils.decodeCertificate(trimmed) : KeyUtils.decodePublicKey(trimmed));
        } catch (GeneralSecurityException | IllegalArgumentException notAKey) {
            // Not a key this check can read; smallrye-jwt says so itself when it verifies a token.
        }
        return keys;
    }

    private static PublicKey developmentKey() {
        try (InputStream in = DevelopmentKeyGuard.class.getClassLoader().getResourceAsStream(DEVELOPMENT_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEVELOPMENT_KEY_RESOURCE + " is not on the classpath");
            }
            return KeyUtils.decodePublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(DEVELOPMENT_KEY_RESOURCE + " is not a public key", e);
        }
    }

    private static Optional<String> read(String location) {
        try {
            return Optional.ofNullable(ResourceUtils.readResource(location));
        } catch (IOException e) {
            // smallrye-jwt reports a key it cannot read when a token comes; this check cannot judge it.
            Log.warnf("Cannot read the token verification key at %s to check it is not the development key: %s",
                    location, e.getMessage());
            return Optional.empty();
        }
    }

    private static void refuse(String message) {
        Log.error(message);
        throw new IllegalStateException(message);
    }
}
