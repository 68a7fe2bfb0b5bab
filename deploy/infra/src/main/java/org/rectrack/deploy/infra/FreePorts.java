package org.rectrack.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free loopback ports for servers asked to start on port 0, and checks the ones given. */
final class FreePorts {

    private FreePorts() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
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
