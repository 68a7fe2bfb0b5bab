package org.rectrack.deploy.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs from zonky's embedded binaries, unpacked once per machine, and how to run them
 * when this JVM is root.
 */
final class PostgresBinaries {

    /*
     * PostgreSQL refuses to run as root. As root, its programs run in a new user namespace as "nobody"
     * (65534, present on every Linux), which the kernel maps back to root outside: files stay root's.
     */
    private static final List<String> AS_NOBODY = List.of("unshare", "--user", "--map-user=65534", "--map-group=65534");

    private static Path directory;

    private PostgresBinaries() {
    }

    static String bin(String program) {
        return directory().resolve("bin").resolve(program).toString();
    }

    /** The command as it must be run here: unchanged, or through a user namespace when we are root. */
    static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(AS_NOBODY);
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks the binaries into a folder named by their digest, shared by every JVM on this machine. */
    private static synchronized Path directory() {
        if (directory != null) {
            return directory;
        }
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            byte[] archive = in.readAllBytes();
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "rectrack-postgres", digest(archive));
            if (!Files.isDirectory(target)) {
                Files.createDirectories(target.getParent());
                Path staging = Files.createTempDirectory(target.getParent(), "unpacking-");
                unpack(archive, staging);
                try {
                    // Atomic: another JVM unpacking at the same time either wins or loses, never half-writes.
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException lostTheRace) {
                    Folders.deleteTree(staging);
                }
            }
            directory = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries", e);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ (0400) … OTHERS_EXECUTE (0001)
        for (int i = 0; i < all.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(all[i]);
            }
        }
        return permissions;
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
