package org.rectrack.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks free loopback ports for servers asked to start on port 0, and checks the ones given. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * The ports handed out in this JVM. The system names a free port, but the server binds it a moment later, and
     * meanwhile the system may name it again: the test infrastructure starts Kafka and PostgreSQL at once, and
     * PostgreSQL once found the port it was given taken by the broker.
     */
    private static final Set<Integer> PICKED = ConcurrentHashMap.newKeySet();

    /**
     * A loopback port free now and never handed out before in this JVM.
     *
     * @throws UncheckedIOException when the system names no free port
     */
    static int pick() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (PICKED.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on the loopback interface", e);
            }
        }
    }

    static int orFree(int port) {
        return port == 0 ? pick() : port;
    }

    /** Fails clearly when another process listens on the port, rather than letting a client find that one. */
    static void requireFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // bound, so free
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use by another process", e);
        }
    }
}
