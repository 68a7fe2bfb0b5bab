package org.rectrack.deploy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path home;

    @Test
    void messagesSurviveAStopAndStartOnTheSamePort() throws Exception {
        KafkaBroker broker = KafkaBroker.create(home, 0);
        timedStart(broker, "Kafka startup (new log dir)");
        try {
            String bootstrap = broker.bootstrapServers();
            Kafka.send(bootstrap, "outage", "key-1", "sent before the outage");

            broker.stop();
            assertFalse(broker.isRunning());
            timedStart(broker, "Kafka restart (same log dir)");

            assertEquals(bootstrap, broker.bootstrapServers());
            assertEquals("sent before the outage", Kafka.receiveFirst(bootstrap, "outage"));
        } finally {
            broker.stop();
        }
    }

    @Test
    void acknowledgedMessagesSurviveAKillDashNine() throws Exception {
        KafkaBroker broker = KafkaBroker.create(home, 0);
        broker.start();
        try {
            String bootstrap = broker.bootstrapServers();
            Kafka.send(bootstrap, "crash", "key-1", "acknowledged before the crash");

            broker.kill();
            assertFalse(broker.isRunning());
            timedStart(broker, "Kafka restart after kill -9 (log recovery)");

            assertEquals("acknowledged before the crash", Kafka.receiveFirst(bootstrap, "crash"));
        } finally {
            broker.stop();
        }
    }

    @Test
    void dataSurvivesANewBrokerOnTheSameFolder() throws Exception {
        KafkaBroker first = KafkaBroker.create(home, 0);
        first.start();
        Kafka.send(first.bootstrapServers(), "kept", "key-1", "kept across runs");
        first.stop();

        // What deploy/local/run does on its next start: new settings, same data.
        KafkaBroker second = KafkaBroker.create(home, 0);
        second.start();
        try {
            assertEquals("kept across runs", Kafka.receiveFirst(second.bootstrapServers(), "kept"));
        } finally {
            second.stop();
        }
    }

    private static void timedStart(KafkaBroker broker, String what) {
        long begin = System.nanoTime();
        broker.start();
        System.out.printf("%s: %d ms%n", what, (System.nanoTime() - begin) / 1_000_000);
    }
}
