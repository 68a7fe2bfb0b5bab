package org.rectrack.gateway.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells this instance at once of what every gateway instance's consumers applied: it listens on PostgreSQL's channel
 * {@value #CHANNEL} (LISTEN/NOTIFY), on which a trigger on {@code read_model_progress} announces each committed change
 * of a partition's progress with the append time of its last record (migration V7). Each announcement wakes the writes
 * waiting to be read ({@link ReadYourWrites}) and nudges the {@link KnownAtWatermark}, as this instance's own consumers
 * do for what they apply: with several instances sharing the consumer group, a write answered by one instance is most
 * often applied by another.
 *
 * <p>One connection of the pool is held for listening, on a thread of its own. When it fails (the database restarted),
 * it is taken again a second later; meanwhile the waiting writes look again every {@link ReadYourWrites} interval and
 * the watermark is measured at its own.
 */
@ApplicationScoped
public class ProgressNotifications {

    /** The channel the trigger announces on. */
    static final String CHANNEL = "read_model_progress";

    /** How long one wait for announcements lasts, so that a stop is noticed. */
    private static final int WAIT_MILLIS = 1000;

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ReadYourWrites readYourWrites;
    private final KnownAtWatermark watermark;
    private volatile boolean running;
    private Thread listener;

    ProgressNotifications(DataSource dataSource, ReadYourWrites readYourWrites, KnownAtWatermark watermark) {
        this.dataSource = dataSource;
        this.readYourWrites = readYourWrites;
        this.watermark = watermark;
    }

    synchronized void start(@Observes StartupEvent start) {
        running = true;
        listener = Thread.ofPlatform().name("read-model-notifications").daemon().start(this::listen);
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        announced(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.debugf("Not listening for the read model's progress (%s); trying again in %s", e, RETRY);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void announced(PGNotification[] notifications) {
        Instant latest = Instant.EPOCH;
        for (PGNotification notification : notifications) {
            try {
                Instant recordedAt = Instant.ofEpochMilli(Long.parseLong(notification.getParameter()));
                latest = recordedAt.isAfter(latest) ? recordedAt : latest;
            } catch (NumberFormatException e) {
                // Not the trigger's: nothing to nudge to, but the waiting writes may still look again.
            }
        }
        readYourWrites.recordCommitted();
        if (latest.isAfter(Instant.EPOCH)) {
            watermark.nudge(latest);
        }
    }
}
