package org.rectrack.deploy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's server distribution from Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, a zip the build of
 * rectrack-infra fetches into the local Maven repository), unpacked and built once per machine, shared by every
 * Keycloak this machine runs: a {@link KeycloakServer} keeps its own data elsewhere.
 *
 * <p>Built means Keycloak's own build step ({@code kc.sh build}) has run with the options every rectrack Keycloak uses
 * ({@link #BUILD_OPTIONS}): each server then starts {@code --optimized}, never rebuilds, and so never writes here.
 */
final class KeycloakDistribution {

    /** Where the build wrote the zip's path in the local Maven repository (rectrack-infra's pom). */
    private static final String LOCATION_RESOURCE = "org/rectrack/deploy/infra/keycloak-dist.location";

    /**
     * An embedded H2 file database (Keycloak's {@code dev-file}): one small realm needs no database server, and it
     * keeps the realm across restarts.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");

    private static Path home;

    private KeycloakDistribution() {
    }

    /** The command that runs Keycloak's main class with these arguments, with {@code kc.home.dir} set to {@code home}. */
    static List<String> command(Path serverHome, List<String> arguments) {
        Path distribution = home();
        return command(distribution, serverHome, arguments);
    }

    private static List<String> command(Path distribution, Path serverHome, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As kc.sh runs it, less its 512 MB heap: one realm of a few users needs far less.
                "-Xms64m", "-Xmx384m", "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Duser.country=US",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dpicocli.disable.closures=true",
                "-Dkc.home.dir=" + serverHome.toAbsolutePath(),
                "-Djboss.server.config.dir=" + distribution.resolve("conf"),
                "-cp", distribution.resolve("lib/quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        command.addAll(arguments);
        return command;
    }

    /** The distribution's folder: unpacked and built unless this machine has it already; a folder per version. */
    static synchronized Path home() {
        if (home != null) {
            return home;
        }
        Path zip = zip();
        // A release on Maven Central never changes, so its file name (with the version) names its folder.
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "rectrack-keycloak", name);
        try {
            if (!Files.isRegularFile(target.resolve("lib/quarkus-run.jar"))) {
                Files.createDirectories(target.getParent());
                Path staging = Files.createTempDirectory(target.getParent(), "unpacking-");
                try {
                    Path unpacked = unpack(zip, staging);
                    build(unpacked, staging);
                    // Atomic: another JVM unpacking at the same time either wins or loses, never half-writes.
                    Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException lostTheRace) {
                    // The other one's is as good.
                } finally {
                    Folders.deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak from " + zip, e);
        }
        home = target;
        return target;
    }

    private static Path zip() {
        try (InputStream in = KeycloakDistribution.class.getClassLoader().getResourceAsStream(LOCATION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION_RESOURCE + " is not on the classpath: build rectrack-infra");
            }
            Path zip = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("Keycloak's distribution is not at " + zip + ": build rectrack-infra online once");
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks the zip under {@code staging}; answers its one top folder ({@code keycloak-26.4.7}). */
    private static Path unpack(Path zip, Path staging) throws IOException {
        Path top = null;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging) || path.equals(staging)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (top == null) {
                    top = staging.resolve(staging.relativize(path).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, path);
                }
            }
        }
        if (top == null) {
            throw new IOException(zip + " is empty");
        }
        return top;
    }

    /** Runs Keycloak's build step once, into the distribution itself, before any server uses it. */
    private static void build(Path distribution, Path staging) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("build"));
        arguments.addAll(BUILD_OPTIONS);
        Path log = staging.resolve("build.log");
        try {
            Process build = new ProcessBuilder(command(distribution, distribution, arguments))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("Keycloak's build step failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Keycloak was built", e);
        }
    }
}
