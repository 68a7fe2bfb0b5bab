package org.rectrack.deploy.infra.testing;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.rectrack.deploy.infra.PostgresServer;

/**
 * Real PostgreSQL and Kafka for a {@code @QuarkusTest}: one server of each per JVM, started on first use,
 * and a fresh database for the service under test. The database is named by the init arg {@code database}
 * (default: the module folder's name), with {@code _2}, {@code _3}… when that name is taken already:
 * <pre>{@code
 * @WithTestResource(value = InfrastructureTestResource.class,
 *                   initArgs = @ResourceArg(name = "database", value = "evidence"))
 * }</pre>
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    /** Classpath location of the development public key, which {@link TestTokens} signs for. */
    public static final String PUBLIC_KEY_LOCATION = "dev-jwt/public.pem";

    private String database = Path.of("").toAbsolutePath().getFileName().toString()
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        PostgresServer postgres = infrastructure.postgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(freshDatabase(postgres)),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers(),
                KafkaBrokerControl.CONFIG_KEY, infrastructure.kafka().home().toString(),
                "mp.jwt.verify.publickey.location", PUBLIC_KEY_LOCATION,
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Nothing to do: the servers serve every test of this JVM and stop when it exits.
    }

    private String freshDatabase(PostgresServer postgres) {
        for (int attempt = 1; ; attempt++) {
            String candidate = attempt == 1 ? database : database + "_" + attempt;
            if (postgres.createDatabase(candidate)) {
                return candidate;
            }
        }
    }
}
