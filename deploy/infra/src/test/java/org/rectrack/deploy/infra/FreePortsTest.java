package org.rectrack.deploy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A port picked for one server is never picked for another in the same JVM: the test infrastructure starts Kafka (two
 * ports) and PostgreSQL at once, each picking a port the system says is free and binding it a moment later, and
 * PostgreSQL once found its port taken by the broker.
 */
class FreePortsTest {

    @Test
    void portsPickedAtOnceAreAllDifferent() {
        Set<Integer> picked = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 4_000).parallel().forEach(i -> {
            int port = FreePorts.pick();
            assertTrue(picked.add(port), "port " + port + " picked twice");
        });
    }

    @Test
    void aPortPickedIsFreeToBind() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            int port = FreePorts.pick();
            FreePorts.requireFree(port);
            ports.add(port);
        }
        assertEquals(10, ports.size());
    }
}
