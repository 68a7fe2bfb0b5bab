package org.rectrack.deploy.infra.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Signs development JWTs (RS256) with the development key in {@code deploy/local/dev-keys}, for every
 * service's tests and, run as a single-file program, for {@code deploy/local/token}. Plain JDK, no library.
 *
 * <p>{@link #builder} makes any token a test needs: claims of any JSON type or shape, another issuer, another
 * key, no signature at all ({@code alg: none}), an expiry in the past.
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
        return builder(role, org).sign();
    }

    /** A token for {@code role} in organisation {@code org} that expired an hour ago. */
    public static String expired(String role, String org) {
        return builder(role, org).issuedAt(Instant.now().minus(VALIDITY).minus(Duration.ofHours(1))).sign();
    }

    /**
     * The claims {@link #forRole(String, String)} signs, to change before signing: {@code iss}, {@code sub},
     * {@code upn}, {@code groups} (the one role), {@code org} (left out when {@code org} is empty), {@code iat},
     * {@code exp} (12 hours later) and a fresh {@code jti}.
     */
    public static Builder builder(String role, String org) {
        return new Builder(role, org);
    }

    /** An RSA key pair made up on the spot: a key no rectrack service trusts. */
    public static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK makes RSA keys", e);
        }
    }

    /** A token's claims and how it is signed; each method changes one thing and answers this builder. */
    public static final class Builder {

        /** Claim name → its value as JSON text, in the order they are written. */
        private final Map<String, String> claims = new LinkedHashMap<>();
        private PrivateKey key;
        private boolean unsigned;

        private Builder(String role, String org) {
            String subject = org.isEmpty() ? role : role + "@" + org;
            claim("iss", ISSUER);
            claim("sub", subject);
            claim("upn", subject);
            groups(role);
            if (!org.isEmpty()) {
                claim("org", org);
            }
            issuedAt(Instant.now());
            claim("jti", UUID.randomUUID().toString());
        }

        /** Sets a claim to a JSON string. */
        public Builder claim(String name, String value) {
            return rawClaim(name, json(value));
        }

        /** Sets a claim to any JSON value, written as given: {@code "[]"}, {@code "{\"a\":1}"}, {@code "42"}, {@code "null"}. */
        public Builder rawClaim(String name, String jsonValue) {
            claims.put(name, jsonValue);
            return this;
        }

        /** Leaves a claim out. */
        public Builder without(String name) {
            claims.remove(name);
            return this;
        }

        /** The {@code groups} claim: these roles, in this order (none: an empty array). */
        public Builder groups(String... roles) {
            StringJoiner array = new StringJoiner(",", "[", "]");
            for (String role : roles) {
                array.add(json(role));
            }
            return rawClaim("groups", array.toString());
        }

        public Builder issuer(String issuer) {
            return claim("iss", issuer);
        }

        /** Issued at this instant, valid for 12 hours from it. */
        public Builder issuedAt(Instant issuedAt) {
            rawClaim("iat", Long.toString(issuedAt.getEpochSecond()));
            return rawClaim("exp", Long.toString(issuedAt.plus(VALIDITY).getEpochSecond()));
        }

        /** Signed with this key instead of the development key. */
        public Builder signedWith(PrivateKey otherKey) {
            this.key = otherKey;
            return this;
        }

        /** Not signed at all: header {@code alg: none} and an empty signature (RFC 7519, section 6). */
        public Builder unsigned() {
            this.unsigned = true;
            return this;
        }

        /** The token in compact serialisation. */
        public String sign() {
            return TestTokens.sign(unsigned ? null : key != null ? key : classpathKey(), claims);
        }

        private Builder withKey(PrivateKey developmentKey) {
            this.key = developmentKey;
            return this;
        }
    }

    /**
     * {@code java TestTokens.java PRIVATE_KEY.pem ROLE [ORG]}: prints a token, as deploy/local/token does, issued by
     * the environment's {@code RECTRACK_TOKEN_ISSUER} (deploy/local/run's Keycloak realm) or else {@link #ISSUER}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: TestTokens PRIVATE_KEY.pem ROLE [ORG]");
            System.exit(2);
        }
        PrivateKey key = privateKey(Files.readString(Path.of(args[0])));
        // Only an NGO speaks for an organisation by default; an admin's import, say, is then nobody's evidence.
        String org = args.length == 3 ? args[2] : "ngo".equals(args[1]) ? DEFAULT_ORG : "";
        String issuer = System.getenv().getOrDefault("RECTRACK_TOKEN_ISSUER", ISSUER);
        System.out.println(builder(args[1], org).issuer(issuer).withKey(key).sign());
    }

    /** Signs with RS256, or with {@code key} null writes an unsecured JWT ({@code alg: none}). */
    private static String sign(PrivateKey key, Map<String, String> claims) {
        String header = key == null ? "{\"alg\":\"none\",\"typ\":\"JWT\"}" : "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        StringJoiner body = new StringJoiner(",", "{", "}");
        claims.forEach((name, value) -> body.add(json(name) + ":" + value));
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(body.toString().getBytes(StandardCharsets.UTF_8));
        if (key == null) {
            return signingInput + ".";
        }
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
