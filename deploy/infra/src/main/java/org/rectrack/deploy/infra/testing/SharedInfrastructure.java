package org.rectrack.deploy.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.rectrack.deploy.infra.Folders;
import org.rectrack.deploy.infra.KafkaBroker;
import org.rectrack.deploy.infra.PostgresServer;

/**
 * The one PostgreSQL server and the one Kafka broker of a test JVM, on free ports, in a temporary folder
 * removed when the JVM exits. Quarkus may load the test resource in several class loaders, and each has its
 * own static fields, so the servers are found through system properties, which the whole JVM shares.
 */
record SharedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {

    private static final System.Logger LOG = System.getLogger(SharedInfrastructure.class.getName());
    private static final String POSTGRES_HOME = "rectrack.test.postgres.home";
    private static final String POSTGRES_PORT = "rectrack.test.postgres.port";
    private static final String KAFKA_HOME = "rectrack.test.kafka.home";

    static SharedInfrastructure get() {
        // One lock for the whole JVM, whatever class loader runs this: two test resources never start two sets.
        synchronized (System.getProperties()) {
            if (System.getProperty(KAFKA_HOME) == null) {
                start();
            }
            return new SharedInfrastructure(
                    PostgresServer.attach(Path.of(System.getProperty(POSTGRES_HOME)), Integer.getInteger(POSTGRES_PORT)),
                    KafkaBroker.attach(Path.of(System.getProperty(KAFKA_HOME))));
        }
    }

    private static void start() {
        long begin = System.nanoTime();
        Path root = temporaryFolder();
        CompletableFuture<KafkaBroker> starting = CompletableFuture.supplyAsync(() -> {
            KafkaBroker broker = KafkaBroker.create(root.resolve("kafka"), 0);
            broker.start();
            return broker;
        });
        PostgresServer postgres = PostgresServer.start(root.resolve("postgres"), 0);
        KafkaBroker kafka = starting.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
            deleteTree(root);
        }, "rectrack-test-infrastructure"));

        System.setProperty(POSTGRES_HOME, postgres.home().toString());
        System.setProperty(POSTGRES_PORT, Integer.toString(postgres.port()));
        System.setProperty(KAFKA_HOME, kafka.home().toString());
        LOG.log(System.Logger.Level.INFO, "test infrastructure ready in %d ms: PostgreSQL on port %d, Kafka on %s"
                .formatted((System.nanoTime() - begin) / 1_000_000, postgres.port(), kafka.bootstrapServers()));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("rectrack-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + root, e);
        }
    }
}
