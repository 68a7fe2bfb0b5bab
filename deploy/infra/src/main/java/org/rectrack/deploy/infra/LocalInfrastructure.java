package org.rectrack.deploy.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL, Kafka and Keycloak for {@code deploy/local/run}: data kept under one folder, the connection settings
 * printed as {@code KEY=value} lines and then {@code READY}; Ctrl-C or SIGTERM stops all three cleanly.
 *
 * <p>Usage: {@code LocalInfrastructure [folder]} (default {@code .rectrack}); ports from the environment
 * variables {@code RECTRACK_POSTGRES_PORT} (default 5432), {@code RECTRACK_KAFKA_PORT} (default 9092) and
 * {@code RECTRACK_KEYCLOAK_PORT} (default 8180).
 */
public final class LocalInfrastructure {

    /** One database per service. */
    private static final List<String> DATABASES = List.of("recommendations", "evidence", "gateway");

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".rectrack").toAbsolutePath();
        // Keycloak takes longest: it starts while the others do.
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() ->
                KeycloakServer.start(folder.resolve("keycloak"), port("RECTRACK_KEYCLOAK_PORT", 8180)));
        PostgresServer postgres = PostgresServer.start(folder.resolve("postgres"), port("RECTRACK_POSTGRES_PORT", 5432));
        DATABASES.forEach(postgres::createDatabase);
        KafkaBroker kafka = KafkaBroker.create(folder.resolve("kafka"), port("RECTRACK_KAFKA_PORT", 9092));
        kafka.start();

        System.out.println("QUARKUS_DATASOURCE_USERNAME=" + postgres.user());
        System.out.println("QUARKUS_DATASOURCE_PASSWORD=" + postgres.password());
        for (String database : DATABASES) {
            System.out.println(database.toUpperCase(Locale.ROOT) + "_JDBC_URL=" + postgres.jdbcUrl(database));
        }
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
        System.out.println("KEYCLOAK_ISSUER=" + keycloak.join().issuer());
        System.out.println("READY");

        // All three servers stop in their own shutdown hooks, which Ctrl-C and SIGTERM run.
        Thread.currentThread().join();
    }

    private static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.strip());
    }
}
