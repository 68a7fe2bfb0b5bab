package org.rectrack.deploy.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.rectrack.deploy.infra.Folders;
import org.rectrack.deploy.infra.KeycloakServer;

/**
 * What {@link InfrastructureTestResource} gives, and a real Keycloak with the rectrack realm for tests that sign in
 * through a browser: one Keycloak per JVM, started on first use (about 20 s) and shared by every test class that
 * names this resource. The service under test signs browsers in with the realm's gateway client and takes the realm's
 * tokens as bearer tokens: the realm is the issuer it checks (tokens a test mints must name {@link #issuer()}).
 */
public class KeycloakTestResource extends InfrastructureTestResource {

    private static final String HOME = "rectrack.test.keycloak.home";
    private static final String PORT = "rectrack.test.keycloak.port";

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(super.start());
        KeycloakServer keycloak = keycloak();
        settings.put("mp.jwt.verify.issuer", keycloak.issuer());
        // One host name for the browser, the service and Keycloak (its issuer names 127.0.0.1): cookies are kept per
        // host, and a redirect between localhost and 127.0.0.1 would lose them.
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("quarkus.oidc.tenant-enabled", "true");
        settings.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        settings.put("quarkus.oidc.client-id", KeycloakServer.GATEWAY_CLIENT_ID);
        settings.put("quarkus.oidc.credentials.secret", KeycloakServer.GATEWAY_CLIENT_SECRET);
        return settings;
    }

    /** The realm's issuer URL, which tokens a test mints for the service under test must name. */
    public static String issuer() {
        return keycloak().issuer();
    }

    /** The JVM's one Keycloak, found through system properties whatever class loader asks. */
    static KeycloakServer keycloak() {
        synchronized (System.getProperties()) {
            if (System.getProperty(HOME) == null) {
                Path home = temporaryFolder();
                KeycloakServer server = KeycloakServer.start(home, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.stop();
                    try {
                        Folders.deleteTree(home);
                    } catch (IOException e) {
                        System.getLogger(KeycloakTestResource.class.getName())
                                .log(System.Logger.Level.WARNING, "could not remove " + home, e);
                    }
                }, "rectrack-test-keycloak"));
                System.setProperty(HOME, home.toString());
                System.setProperty(PORT, Integer.toString(server.port()));
            }
            return KeycloakServer.attach(Path.of(System.getProperty(HOME)), Integer.getInteger(PORT));
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("rectrack-test-keycloak-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
