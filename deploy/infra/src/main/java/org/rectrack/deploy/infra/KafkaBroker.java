package org.rectrack.deploy.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The real Apache Kafka broker (KRaft, broker and controller in one) in a child JVM, so that its Scala and
 * Jackson classpath never meets the caller's.
 *
 * <p>Everything about one broker lives in its home directory: {@code server.properties}, the data under
 * {@code data/}, its output in {@code broker.log} and the running process id in {@code broker.pid}. That is
 * why {@link #attach(Path)} can stop and start the same broker from another class loader, as Quarkus tests do.
 */
public final class KafkaBroker {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final String MAIN_CLASS = "org.rectrack.deploy.kafka.BrokerMain";
    private static final String CLASSPATH_RESOURCE = "org/rectrack/deploy/kafka/broker.classpath";
    private static final String LOG4J_CONFIG = "classpath:org/rectrack/deploy/kafka/log4j2.properties";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Partitions of each topic the broker creates (the services' topics are created on first use): 6, or
     * {@code RECTRACK_KAFKA_PARTITIONS}. Events of one aggregate share a key, so they stay in order whatever the count;
     * more partitions let more instances of a service consume at once (one consumer group per service).
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private final Path home;
    private final String bootstrapServers;
    private boolean stopsWithThisJvm;

    private KafkaBroker(Path home, String bootstrapServers) {
        this.home = home;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Prepares a broker whose data and settings live under {@code home}, listening on loopback {@code port}
     * (0 picks a free one). Data already under {@code home} is kept.
     */
    public static KafkaBroker create(Path home, int port) {
        int brokerPort = FreePorts.orFree(port);
        int controllerPort = FreePorts.pick();
        String settings = """
                # Written by rectrack-infra KafkaBroker: a single node, loopback only, for tests and local runs.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                auto.create.topics.enable=true
                # Records carry the instant the broker appended them: what the gateway's knownAt compares with.
                log.message.timestamp.type=LogAppendTime
                num.partitions=%4$d
                # One node: every replication factor and in-sync minimum is 1.
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Fewer internal partitions than the default 50: the first consumer group starts faster.
                offsets.topic.num.partitions=5
                transaction.state.log.num.partitions=5
                # Consumers in tests join one at a time; waiting for more of them only slows every test down.
                group.initial.rebalance.delay.ms=0
                """.formatted(brokerPort, controllerPort, home.resolve("data").toAbsolutePath(), partitions());
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("server.properties"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + home, e);
        }
        return attach(home);
    }

    /** The broker prepared under {@code home} before, by this or another class loader. */
    public static KafkaBroker attach(Path home) {
        String listeners = setting(home.resolve("server.properties"), "advertised.listeners");
        return new KafkaBroker(home, listeners.substring(listeners.indexOf("://") + 3));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path home() {
        return home;
    }

    /** Starts the broker unless it runs already, and returns once it accepts clients. */
    public synchronized void start() {
        if (process().isPresent()) {
            return;
        }
        FreePorts.requireFree(port());
        Instant begin = Instant.now();
        try {
            String classpath = brokerClasspath();
            ProcessBuilder launch = new ProcessBuilder(command(classpath));
            // In the environment, not on the command line: a long command line is cut when read back from
            // the process table, and process() looks for the main class there.
            launch.environment().put("CLASSPATH", classpath);
            Process process = launch
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                    .start();
            Files.writeString(home.resolve("broker.pid"), Long.toString(process.pid()));
            stopWithThisJvm();
            awaitReady(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + home, e);
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker on %s started in %d ms"
                .formatted(bootstrapServers, Duration.between(begin, Instant.now()).toMillis()));
    }

    /** Stops the broker cleanly (it flushes and closes its logs); its data stays for the next start. */
    public synchronized void stop() {
        process().ifPresent(broker -> {
            broker.destroy();
            try {
                broker.onExit().get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.log(System.Logger.Level.WARNING, "Kafka broker " + broker.pid() + " did not stop in time: killing it");
                broker.destroyForcibly();
                broker.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Kills the broker as {@code kill -9} would (SIGKILL: no flush, no clean shutdown), and returns once it has
     * exited. What it had acknowledged is in the operating system's page cache and survives; the next
     * {@link #start()} recovers its logs as after a crash.
     */
    public synchronized void kill() {
        process().ifPresent(broker -> {
            broker.destroyForcibly();
            broker.onExit().join();
        });
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    /** A clean stop on a normal exit; the broker also exits by itself when this JVM is killed. */
    private void stopWithThisJvm() {
        if (!stopsWithThisJvm) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "kafka-broker-stop"));
            stopsWithThisJvm = true;
        }
    }

    /** The running broker, found through the pid file so that any class loader sees the same process. */
    private Optional<ProcessHandle> process() {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("broker.pid")).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().arguments().map(List::of).orElse(List.of()).contains(MAIN_CLASS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String classpath) {
        String javaHome = System.getProperty("java.home");
        // One archive per JDK and classpath: an archive made for another is rewritten, not reused.
        String archive = "rectrack-kafka-broker-%08x.jsa".formatted((javaHome + classpath).hashCode());
        return List.of(
                Path.of(javaHome, "bin", "java").toString(),
                "-Xmx512m",
                // Starts in about 1.5 s instead of 4 s on two cores: one GC thread, the quick JIT only, and
                // a class-data archive that the first run writes and every later run maps in.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + Path.of(System.getProperty("java.io.tmpdir"), archive),
                "-Dlog4j2.configurationFile=" + LOG4J_CONFIG,
                MAIN_CLASS,
                home.resolve("server.properties").toAbsolutePath().toString());
    }

    private void awaitReady(Process process) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        // Before the port listens, every attempt of an admin client logs a warning: wait for the port first.
        while (!acceptsConnections()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                        + "; see " + home.resolve("broker.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("the Kafka broker did not listen within " + STARTUP_TIMEOUT
                        + "; see " + home.resolve("broker.log"));
            }
            sleep(Duration.ofMillis(100));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker did not answer within " + STARTUP_TIMEOUT
                    + "; see " + home.resolve("broker.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        }
    }

    private int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@link #DEFAULT_PARTITIONS}, or {@code RECTRACK_KAFKA_PARTITIONS} when it is set. */
    private static int partitions() {
        String configured = System.getenv("RECTRACK_KAFKA_PARTITIONS");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_PARTITIONS;
        }
        try {
            int partitions = Integer.parseInt(configured.strip());
            if (partitions >= 1 && partitions <= 1000) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("RECTRACK_KAFKA_PARTITIONS must be a number from 1 to 1000, not '" + configured + "'");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        }
    }

    /**
     * The launcher jar (or classes directory) that holds {@code BrokerMain}, followed by Kafka's jars as
     * resolved when that jar was built.
     */
    private static String brokerClasspath() {
        URL listing = KafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (listing == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/kafka-broker first");
        }
        try (InputStream in = listing.openStream()) {
            return launcherLocation(listing) + File.pathSeparator
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the listing was found: a jar ({@code jar:file:…!/…}) or a classes directory ({@code file:…}). */
    private static String launcherLocation(URL listing) {
        String url = listing.toString();
        String root = url.substring(0, url.length() - CLASSPATH_RESOURCE.length());
        if (root.startsWith("jar:")) {
            root = root.substring("jar:".length(), root.length() - "!/".length());
        }
        return Path.of(URI.create(root)).toString();
    }

    private static String setting(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + " is missing in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("no Kafka broker prepared in " + file.getParent(), e);
        }
    }
}
