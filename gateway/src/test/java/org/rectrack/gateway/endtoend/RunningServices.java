package org.rectrack.gateway.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.KeycloakTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;

/**
 * The real recommendations-service and evidence-service for an end-to-end test of the gateway: each from its
 * packaged jar, on a free port, with a fresh database of its own on the tests' PostgreSQL, the tests' Kafka,
 * and the development JWT key. Points the gateway's REST clients at them, and names each one's database in
 * {@code rectrack.test.<module>.jdbc-url}, {@code .username} and {@code .password} for tests that look inside.
 */
public class RunningServices implements QuarkusTestResourceLifecycleManager {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private List<ServiceProcess> services = List.of();
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private String issuer = TestTokens.ISSUER;

    /**
     * {@code issuer=keycloak}: the services take the tokens of the JVM's one Keycloak realm
     * ({@link KeycloakTestResource}), as the gateway under a test that names that resource does; otherwise those that
     * {@link TestTokens} mints.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        if ("keycloak".equals(initArgs.get("issuer"))) {
            issuer = KeycloakTestResource.issuer();
        }
    }

    @Override
    public Map<String, String> start() {
        CompletableFuture<ServiceProcess> recommendations = CompletableFuture.supplyAsync(() ->
                start("recommendations-service", "recommendations_e2e"));
        CompletableFuture<ServiceProcess> evidence = CompletableFuture.supplyAsync(() ->
                start("evidence-service", "evidence_e2e"));
        services = List.of(recommendations.join(), evidence.join());
        Map<String, String> settings = new HashMap<>(databases);
        settings.put("rectrack.services.recommendations.addresses", services.get(0).address());
        settings.put("rectrack.services.evidence.addresses", services.get(1).address());
        return settings;
    }

    @Override
    public void stop() {
        services.forEach(ServiceProcess::close);
    }

    private ServiceProcess start(String module, String database) {
        Map<String, String> settings = infrastructure(database);
        // The fuzz test fingerprints the services' databases: it finds them under rectrack.test.<module>.*.
        databases.put("rectrack.test." + module + ".jdbc-url", settings.get("quarkus.datasource.jdbc.url"));
        databases.put("rectrack.test." + module + ".username", settings.get("quarkus.datasource.username"));
        databases.put("rectrack.test." + module + ".password", settings.get("quarkus.datasource.password"));
        Map<String, String> environment = environment(settings);
        environment.put("MP_JWT_VERIFY_ISSUER", issuer);
        return ServiceProcess.start(module, freePort(), environment).awaitReady(STARTUP);
    }

    /**
     * The tests' PostgreSQL and Kafka as a {@code @QuarkusTest} gets them from {@link InfrastructureTestResource}
     * (its Quarkus settings), with a fresh database named after {@code database} created on the shared server.
     */
    static Map<String, String> infrastructure(String database) {
        InfrastructureTestResource infrastructure = new InfrastructureTestResource();
        infrastructure.init(Map.of("database", database));
        return infrastructure.start();
    }

    /**
     * What a service's jar needs in its environment to run on the tests' infrastructure, as deploy/local/run
     * gives it: the database and Kafka of {@code settings} (from {@link #infrastructure(String)}) and the
     * development JWT key that {@link TestTokens} signs with.
     */
    static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username"));
        environment.put("QUARKUS_DATASOURCE_PASSWORD", settings.get("quarkus.datasource.password"));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.get("kafka.bootstrap.servers"));
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", developmentPublicKey().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        return environment;
    }

    /** The key TestTokens signs with, from rectrack-infra's jar, as a file a child process can read. */
    private static Path developmentPublicKey() {
        try (InputStream key = RunningServices.class.getClassLoader()
                .getResourceAsStream(InfrastructureTestResource.PUBLIC_KEY_LOCATION)) {
            if (key == null) {
                throw new IllegalStateException(InfrastructureTestResource.PUBLIC_KEY_LOCATION + " is not on the classpath");
            }
            Path file = Files.createTempFile("rectrack-dev-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.copy(key, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
