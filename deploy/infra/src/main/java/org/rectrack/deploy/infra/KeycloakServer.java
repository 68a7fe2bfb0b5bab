package org.rectrack.deploy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak (the identity provider browsers sign in with) from Maven Central's distribution, run as a child
 * process on a loopback port, with the realm {@value #REALM} of {@code deploy/local/keycloak/rectrack-realm.json}
 * imported on its first start: the gateway's client, a demo user per role, and the development key
 * ({@code deploy/local/dev-keys}) as the realm's signing key, so that the tokens Keycloak issues and those
 * {@code deploy/local/token} mints verify against the same public key.
 *
 * <p>Everything about one server lives in its home directory: the realm's database under {@code data/} (kept across
 * restarts: a user's changed password stays) and the server's output in {@code keycloak.log}. The programs are the
 * machine's one {@link KeycloakDistribution}.
 */
public final class KeycloakServer {

    public static final String REALM = "rectrack";
    /** The confidential client of the gateway's authorization code flow. */
    public static final String GATEWAY_CLIENT_ID = "rectrack-gateway";
    /** Its secret: for development and tests only, as the realm's key is; production names its own. */
    public static final String GATEWAY_CLIENT_SECRET = "rectrack-gateway-development-secret";

    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
    private static final String REALM_RESOURCE = "keycloak/rectrack-realm.json";
    private static final String PRIVATE_KEY_RESOURCE = "dev-jwt/private.pem";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /*
     * Runs Keycloak and a watchdog on this JVM's end of a pipe: when the JVM goes, even killed, the pipe closes and
     * the watchdog stops Keycloak (SIGTERM: a clean shutdown), so no server outlives its owner.
     */
    private static final String SUPERVISED = """
            exec 3<&0
            "$0" "$@" 3<&- </dev/null &
            pid=$!
            ( read -r _ <&3; kill -TERM "$pid" ) 2>/dev/null &
            wait "$pid"
            """;

    private final Path home;
    private final int port;
    private Process supervisor;

    private KeycloakServer(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a server whose data lives under {@code home}, listening on loopback {@code port} (0 picks a free one),
     * and returns once its realm answers. The first start imports the realm; later starts keep what is there.
     */
    public static KeycloakServer start(Path home, int port) {
        KeycloakServer server = new KeycloakServer(home.toAbsolutePath(), FreePorts.orFree(port));
        server.start();
        return server;
    }

    /** The server running on {@code port} with its data under {@code home}, started by another class loader. */
    public static KeycloakServer attach(Path home, int port) {
        return new KeycloakServer(home, port);
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The realm's URL, which is also the {@code iss} of every token it issues and where its OpenID Connect discovery
     * document is ({@code /.well-known/openid-configuration}).
     */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Stops the server cleanly; the data stays for the next start. */
    public synchronized void stop() {
        if (supervisor == null) {
            return;
        }
        try {
            supervisor.getOutputStream().close();
            if (!supervisor.waitFor(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Keycloak did not stop in 30 s: killing it");
                supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
                supervisor.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        supervisor = null;
    }

    private synchronized void start() {
        FreePorts.requireFree(port);
        Instant begin = Instant.now();
        prepareHome();
        List<String> keycloak = new ArrayList<>(List.of("setsid", "sh", "-c", SUPERVISED));
        keycloak.addAll(KeycloakDistribution.command(home, List.of(
                "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // Every URL it issues names this address, so the issuer is the same for the browser and the gateway.
                "--hostname=" + url(),
                // One process, no cluster to discover and no port of its own for one.
                "--cache=local",
                "--import-realm")));
        try {
            supervisor = new ProcessBuilder(keycloak)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak in " + home, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
        awaitReady();
        LOG.log(System.Logger.Level.INFO, "Keycloak on port %d started in %d ms"
                .formatted(port, Duration.between(begin, Instant.now()).toMillis()));
    }

    /**
     * The server's own folders (data, the realm to import, the providers folder Keycloak expects), and a link to the
     * distribution's {@code lib}, where Keycloak looks for what its build step made.
     */
    private void prepareHome() {
        try {
            Path lib = home.resolve("lib");
            Path distributionLib = KeycloakDistribution.home().resolve("lib");
            if (Files.isSymbolicLink(lib) && !Files.readSymbolicLink(lib).equals(distributionLib)) {
                Files.delete(lib); // another version's, or another machine's temporary folder
            }
            if (!Files.exists(lib, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(home);
                Files.createSymbolicLink(lib, distributionLib);
            }
            Files.createDirectories(home.resolve("providers"));
            Files.createDirectories(home.resolve("themes"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String realm = resource(REALM_RESOURCE)
                    .replace("@DEVELOPMENT_PRIVATE_KEY@", resource(PRIVATE_KEY_RESOURCE)
                            .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))
                    .replace("@GATEWAY_CLIENT_SECRET@", GATEWAY_CLIENT_SECRET);
            // Imported when the realm does not exist yet, ignored afterwards: what users changed stays.
            Files.writeString(imports.resolve("rectrack-realm.json"), realm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak's folder " + home, e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Keycloak started", e);
            }
            if (!supervisor.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not start; see " + home.resolve("keycloak.log"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Keycloak started", e);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
