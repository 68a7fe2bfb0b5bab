package org.rectrack.deploy.infra.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs development JWTs (RS256) with the development key in {@code deploy/local/dev-keys}, for every
 * service's tests and, run as a single-file program, for {@code deploy/local/token}. Plain JDK, no library.
 */
public final class TestTokens {

    public static final String ISSUER = "https://rectrack.local/dev";
    public static final String DEFAULT_ORG = "demo-ngo";

    private static final String PRIVATE_KEY_RESOURCE = "dev-jwt/private.pem";
    private static final Duration VALIDITY = Duration.ofHours(12);

    private TestTokens() {
    }

    /** A token for {@code role} in the default organisation, valid for 12 hours. */
    public static String forRole(String role) {
        return forRole(role, DEFAULT_ORG);
    }

    /** A token for {@code role} in organisation {@code org}, valid for 12 hours. */
    public static String forRole(String role, String org) {
        return sign(classpathKey(), role, org, Instant.now());
    }

    /** A token for {@code role} in organisation {@code org} that expired an hour ago. */
    public static String expired(String role, String org) {
        return sign(classpathKey(), role, org, Instant.now().minus(VALIDITY).minus(Duration.ofHours(1)));
    }

    /** {@code java TestTokens.java PRIVATE_KEY.pem ROLE [ORG]}: prints a token, as deploy/local/token does. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: TestTokens PRIVATE_KEY.pem ROLE [ORG]");
            System.exit(2);
        }
        PrivateKey key = privateKey(Files.readString(Path.of(args[0])));
        // Only an NGO speaks for an organisation by default; an admin's import, say, is then nobody's evidence.
        String org = args.length == 3 ? args[2] : "ngo".equals(args[1]) ? DEFAULT_ORG : "";
        System.out.println(sign(key, args[1], org, Instant.now()));
    }

    private static String sign(PrivateKey key, String role, String org, Instant issuedAt) {
        String subject = org.isEmpty() ? role : role + "@" + org;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + json(role) + "]"
                + (org.isEmpty() ? "" : ",\"org\":" + json(org))
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(VALIDITY).getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static PrivateKey classpathKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PRIVATE_KEY_RESOURCE + " is not on the classpath");
            }
            return privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS#8 PEM ("BEGIN PRIVATE KEY") as openssl genpkey writes it. */
    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
