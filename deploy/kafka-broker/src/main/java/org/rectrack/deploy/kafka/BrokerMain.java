package org.rectrack.deploy.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs one Apache Kafka broker in KRaft mode (broker and controller in one process) in this JVM,
 * which rectrack-infra starts as a child process: {@code BrokerMain <server.properties>}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain <server.properties>");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        Properties settings = load(config);
        if (Files.notExists(Path.of(settings.getProperty("log.dirs"), "meta.properties"))) {
            formatStorage(config);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings, false), Time.SYSTEM);
        // SIGTERM (a clean stop) and System.exit both end here: Kafka flushes and closes its logs.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        server.startup();
        exitWhenParentDies();
        server.awaitShutdown();
    }

    /** Formats a new log directory, as {@code kafka-storage.sh format} does, with a new cluster id. */
    private static void formatStorage(Path config) {
        String[] format = {"format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString()};
        int status = StorageTool.execute(format, System.out);
        if (status != 0) {
            System.err.println("formatting the Kafka storage failed: " + status);
            System.exit(status);
        }
    }

    /** A broker left behind by a killed test JVM would hold its port and memory for nothing. */
    private static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("parent process " + parent.pid() + " is gone: stopping the broker");
            System.exit(0);
        }));
    }

    private static Properties load(Path config) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config)) {
            properties.load(reader);
        }
        return properties;
    }
}
