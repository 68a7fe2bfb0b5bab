package org.rectrack.gateway.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One rectrack service run from its packaged jar ({@code <module>/target/<module>-<version>-runner.jar}) as a
 * child process of the test JVM, configured through the environment as deploy/local/run does, with its output
 * in {@code target/service-logs/<module>.log}. Reusable by any test that needs a real service next to it, and
 * by tests of crashes: {@link #kill()} is {@code kill -9}, {@link #restart()} starts it again where it was.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final int port;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Map<String, String> environment, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.environment = environment;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code module}'s jar on {@code port} with these environment variables (QUARKUS_HTTP_PORT is set here),
     * on 127.0.0.1 and in the dev profile as deploy/local/run does: outside dev and test, a service refuses to start
     * with the development key that TestTokens signs with.
     * The jar must have been built: the reactor packages the services before the gateway.
     */
    public static ServiceProcess start(String module, int port, Map<String, String> environment) {
        return start(module, port, environment, Path.of("target", "service-logs").resolve(module + ".log"));
    }

    /** As {@link #start(String, int, Map)}, with the service's output in {@code log} (replaced if it exists). */
    public static ServiceProcess start(String module, int port, Map<String, String> environment, Path log) {
        return start(module, port, environment, log, false);
    }

    private static ServiceProcess start(String module, int port, Map<String, String> environment, Path log,
            boolean appendToLog) {
        Path jar = runnerJar(module);
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().putIfAbsent("QUARKUS_PROFILE", "dev");
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(module, port, Map.copyOf(environment), process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, module + "-stop"));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the service's log otherwise. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " stopped during startup:\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + module + " started", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + module + " started", e);
            }
        }
        throw new IllegalStateException(module + " was not ready after " + timeout + ":\n" + tail());
    }

    /** {@code http://127.0.0.1:<port>}, without the API path. */
    public String url() {
        return "http://" + address();
    }

    /** Where it listens, as {@code host:port} (as the gateway's {@code rectrack.services.*.addresses} list them). */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Kills the service as {@code kill -9} would (SIGKILL: no shutdown hook, no draining of requests, transactions
     * cut where they stand), and returns once the process has exited.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " (pid " + process.pid() + ") survived kill -9 for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + module, e);
        }
    }

    /**
     * Starts the same jar again on the same port with the same environment, its output appended to the same log,
     * as an operator restarts a crashed service. This one must have exited (see {@link #kill()}).
     */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(module + " still runs; kill it first");
        }
        return start(module, port, environment, log, true);
    }

    /** Stops the service as Ctrl-C would, then forcibly if it takes more than 10 seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * The module's packaged jar (platform: {@code quarkus.package.jar.type=uber-jar}), the newest if there are several.
     *
     * @throws IllegalStateException if the module has not been packaged
     */
    private static Path runnerJar(String module) {
        Path target = repositoryRoot().resolve(module).resolve("target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar"))
                    .max(Comparator.comparing(ServiceProcess::modified))
                    .orElseThrow(() -> new IllegalStateException("no " + target + "/*-runner.jar: build the services"
                            + " first, e.g. ./mvnw -pl " + module + " package -DskipTests (./mvnw verify from the root"
                            + " does it before the gateway)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests run in the gateway module's folder; the repository root is its parent. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("gateway")) ? here : here.getParent();
    }
}
