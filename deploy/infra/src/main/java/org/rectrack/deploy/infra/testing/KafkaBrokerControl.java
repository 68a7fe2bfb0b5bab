package org.rectrack.deploy.infra.testing;

import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.rectrack.deploy.infra.KafkaBroker;

/**
 * Stops (cleanly, or with {@code kill -9}) and restarts the tests' Kafka broker from a test method, to simulate
 * an outage or a crash. It finds the broker
 * through the {@value #CONFIG_KEY} setting that {@link InfrastructureTestResource} returns, so it works in
 * whichever class loader the test runs:
 * <pre>{@code
 * KafkaBrokerControl broker = KafkaBrokerControl.fromConfig();
 * broker.stop();
 * // … the service keeps working, its events wait …
 * broker.start(); // same port, same data
 * }</pre>
 */
public final class KafkaBrokerControl {

    public static final String CONFIG_KEY = "rectrack.test.kafka.control";

    private final KafkaBroker broker;

    private KafkaBrokerControl(KafkaBroker broker) {
        this.broker = broker;
    }

    /** The broker named by {@value #CONFIG_KEY} in the running Quarkus application's configuration. */
    public static KafkaBrokerControl fromConfig() {
        return fromConfig(ConfigProvider.getConfig().getValue(CONFIG_KEY, String.class));
    }

    /** The broker whose control directory is {@code controlDirectory} (the value of {@value #CONFIG_KEY}). */
    public static KafkaBrokerControl fromConfig(String controlDirectory) {
        return new KafkaBrokerControl(KafkaBroker.attach(Path.of(controlDirectory)));
    }

    /** Stops the broker cleanly; returns once it has exited. */
    public void stop() {
        broker.stop();
    }

    /** Kills the broker with SIGKILL ({@code kill -9}), as a crash would; returns once it has exited. */
    public void kill() {
        broker.kill();
    }

    /** Starts the broker again on the same port with the same data; returns once it accepts clients. */
    public void start() {
        broker.start();
    }

    public boolean isRunning() {
        return broker.isRunning();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
