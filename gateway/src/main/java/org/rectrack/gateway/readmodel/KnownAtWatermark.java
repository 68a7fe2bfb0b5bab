package org.rectrack.gateway.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.common.TopicPartition;

/**
 * The instant up to which the read model holds everything rectrack recorded: the low watermark of the read model, in
 * the time {@code knownAt} speaks of (DESIGN.md, "Two times"). An answer as known at an instant at or before it is
 * final: nothing recorded by then can still arrive, so the same question gives the same answer for ever.
 *
 * <p>How it is measured, every {@code rectrack.read-model.watermark-interval} (100 ms), and once the allowed clock skew
 * has passed after the append time of a record this instance's consumers applied ({@link #nudge}), so that a write
 * shows in answers as soon as a measurement can claim it rather than at the next interval: take the instant {@code t}
 * (less the allowed clock skew), then ask Kafka for each partition's end offset, then read the read model's progress
 * ({@link ReadModelProgress}). A partition whose progress has reached its end offset has reached {@code t}: every
 * record appended before {@code t} was before that end. A partition behind has reached just before the append time of
 * the last record it handled: append times grow with the offset (LogAppendTime). The read model has reached the
 * earliest of its partitions' instants. It never goes back, except to nothing while a rebuild wipes and replays the
 * model (the {@link RebuildGate} is closed): then nothing counts as reached until the replay ends.
 *
 * <p>Kept in the database and measured against the broker, it holds with several gateway instances sharing the
 * consumer group: each measures all partitions, whichever instance applies them.
 *
 * <p>Also kept: the latest change, the append time of the newest version the read model holds at or before the
 * watermark. Every instant from it to the watermark gives the same answers, so questions that leave {@code knownAt}
 * open are answered as known at the latest change: an answer that is reproducible, and stays the same (and cacheable)
 * until something new is recorded.
 */
@ApplicationScoped
public class KnownAtWatermark {

    /** The watermark and the latest change at or before it, measured together. */
    public record Reached(Instant watermark, Instant latestChange) {
    }

    /** A rebuild of the read model has ended (seen by this instance): what was derived from the old model may go. */
    public record Rebuilt() {
    }

    private static final Reached NOTHING = new Reached(Instant.EPOCH, Instant.EPOCH);

    /** The least time between two measurements a {@link #nudge} asks for. */
    static final Duration NUDGE_SPACING = Duration.ofMillis(10);

    private final TopicOffsets offsets;
    private final ReadModelConfig config;
    private final ReadModelProgress progress;
    private final Event<Rebuilt> rebuilt;
    private volatile boolean rebuildSeen;
    private final Clock clock = Clock.systemUTC();
    private final Object changed = new Object();
    private volatile Reached reached = NOTHING;
    private volatile Set<TopicPartition> partitions = Set.of();
    private volatile Instant partitionsListedAt = Instant.EPOCH;
    private final Set<String> checkedTimestampType = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService measuring;
    /** When ({@link System#nanoTime()}) the latest measurement {@link #nudge} asked for runs. */
    private final AtomicLong nudgedFor = new AtomicLong(System.nanoTime());

    KnownAtWatermark(TopicOffsets offsets, ReadModelConfig config, ReadModelProgress progress,
            Event<Rebuilt> rebuilt) {
        this.rebuilt = rebuilt;
        this.offsets = offsets;
        this.config = config;
        this.progress = progress;
    }

    synchronized void start(@Observes StartupEvent start) {
        measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "known-at-watermark");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.watermarkInterval().toMillis());
        measuring.scheduleWithFixedDelay(this::measureQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a measurement as soon as it can claim a record this instance's consumers have just committed, without
     * waiting for it: once the allowed clock skew has passed after the record's append time (an instant measured
     * earlier cannot claim it, see {@code clockSkew}), at once if that is past. A measurement already asked for at that
     * moment or later serves; otherwise the next is asked for {@link #NUDGE_SPACING} or a clock skew after the last,
     * whichever is longer, so that a stream of records is measured at most a hundred times a second, not once per
     * record: each measurement asks Kafka and the database, and with a clock skew of a few milliseconds (one host)
     * and every instance's commits nudging ({@link ProgressNotifications}), measuring took more of the cores than the
     * writes it was measured for.
     *
     * @param recordedAt the record's append time (its {@code recordedAt})
     */
    void nudge(Instant recordedAt) {
        ScheduledExecutorService executor = measuring;
        if (executor == null) {
            return;
        }
        long skew = Math.max(1, config.clockSkew().toNanos());
        long spacing = Math.max(skew, NUDGE_SPACING.toNanos());
        // At most a clock skew from now: a record stamped ahead of this clock is left to the periodic measurement,
        // rather than holding back every nudge after it.
        long claimableIn = Math.clamp(Duration.between(clock.instant(), recordedAt).toNanos() + skew, 0, skew);
        while (true) {
            long asked = nudgedFor.get();
            long due = System.nanoTime() + claimableIn;
            if (asked - due >= 0) {
                return;
            }
            long at = Math.max(due, asked + spacing);
            if (nudgedFor.compareAndSet(asked, at)) {
                try {
                    executor.schedule(this::measureQuietly, at - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // Shutting down: nothing to measure for.
                }
                return;
            }
        }
    }

    /**
     * Measures now, on the measuring thread, and waits for it (at most {@code timeout}): after a rebuild has opened
     * the gate, so that this instance answers from the rebuilt model at once, not from nothing until its next interval.
     */
    void measureNow(Duration timeout) {
        ScheduledExecutorService executor = measuring;
        if (executor == null) {
            return;
        }
        try {
            executor.submit(this::measureQuietly).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            // Measured at the next interval instead.
        }
    }

    /** The watermark and latest change as last measured; both the epoch before the first measurement. */
    public Reached reached() {
        return reached;
    }

    /**
     * Waits until the read model has reached {@code knownAt}, asking for a measurement as soon as one can claim it
     * (as {@link #nudge} does for a record): an answer as known now (a compliance report's default) waits about a
     * clock skew and one measurement, not for the next interval.
     *
     * @param knownAt an instant in the system
     * @param timeout how long to wait at most
     * @return whether it was reached within the timeout
     */
    public boolean await(Instant knownAt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (reached.watermark().isBefore(knownAt)) {
            nudge(knownAt);
        }
        synchronized (changed) {
            while (reached.watermark().isBefore(knownAt)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    changed.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits until every gateway instance has noticed a rebuild that has just closed the {@link RebuildGate}: each
     * measures every {@code watermark-interval}, and one that sees the gate closed forgets what it had reached, so no
     * instance answers from the model being wiped as if it were whole.
     */
    void awaitRebuildNoticed() {
        try {
            TimeUnit.MILLISECONDS.sleep(3 * Math.max(1, config.watermarkInterval().toMillis()) + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (Exception e) {
            // Kafka or the database away for a moment: the watermark stays where it was, and answers wait or say 503.
            Log.debugf("Cannot measure the read model's watermark: %s", e.toString());
        } catch (Throwable e) {
            // Anything else thrown here would cancel the schedule for good, and the watermark would never move again:
            // say so loudly, and measure again at the next interval.
            Log.errorf(e, "Measuring the read model's watermark failed unexpectedly");
        }
    }

    /**
     * One measurement, as the class documentation describes, its questions to the database in one transaction (one
     * commit where a transaction each took three: a gateway under a stream of writes measures up to a hundred times a
     * second). The transaction stays open while Kafka is asked, a few milliseconds, bounded by the lag timeout.
     */
    void measure() throws Exception {
        Reached before = reached;
        Optional<Reached> measured = QuarkusTransaction.requiringNew().call(() -> {
            if (progress.rebuilding()) {
                return Optional.<Reached> empty();
            }
            Instant now = clock.instant().minus(config.clockSkew());
            Map<TopicPartition, Long> ends = offsets.ends(partitions(now));
            Instant watermark = watermark(now, ends, progress.positions());
            return Optional.of(watermark.isAfter(before.watermark())
                    ? new Reached(watermark, progress.latestChangeUpTo(watermark))
                    : before);
        });
        if (measured.isEmpty()) {
            // The model is being wiped and replayed: nothing is reached until the replay ends.
            synchronized (changed) {
                reached = NOTHING;
            }
            rebuildSeen = true;
            return;
        }
        if (rebuildSeen) {
            rebuildSeen = false;
            rebuilt.fire(new Rebuilt());
        }
        if (measured.get() == before) {
            return;
        }
        synchronized (changed) {
            if (reached == before) { // not reset meanwhile
                reached = measured.get();
            }
            changed.notifyAll();
        }
    }

    /**
     * The instant every partition has reached: {@code now} for a partition whose progress has reached its end offset,
     * just before the append time of the last record handled for one behind; the earliest of them.
     */
    private static Instant watermark(Instant now, Map<TopicPartition, Long> ends,
            Map<TopicPartition, ReadModelProgress.Position> positions) {
        Instant watermark = now;
        for (var end : ends.entrySet()) {
            ReadModelProgress.Position position = positions.get(end.getKey());
            long next = position == null ? 0 : position.nextOffset();
            if (next < end.getValue()) {
                Instant partitionReached = position == null ? Instant.EPOCH : position.lastRecordedAt().minusMillis(1);
                watermark = partitionReached.isBefore(watermark) ? partitionReached : watermark;
            }
        }
        return watermark;
    }

    /** The partitions of both topics, listed again every few seconds (partitions can be added); none before a topic exists. */
    private Set<TopicPartition> partitions(Instant now) throws Exception {
        if (Duration.between(partitionsListedAt, now).toSeconds() < 5 && !partitions.isEmpty()) {
            return partitions;
        }
        Set<TopicPartition> listed = offsets.partitions(ConsumerLag.TOPICS);
        for (String topic : ConsumerLag.TOPICS) {
            if (listed.stream().anyMatch(partition -> partition.topic().equals(topic))) {
                warnUnlessAppendTime(topic);
            }
        }
        partitions = Set.copyOf(listed);
        partitionsListedAt = now;
        return partitions;
    }

    /**
     * Says so in the log, once per topic, when a topic stamps records with the producer's time: then an instant is
     * no longer sure to grow with the offset, and a knownAt answer could still change after it was given.
     */
    private void warnUnlessAppendTime(String topic) throws Exception {
        if (!checkedTimestampType.add(topic)) {
            return;
        }
        String type = offsets.timestampType(topic).orElse(null);
        if (!"LogAppendTime".equals(type)) {
            Log.warnf("Topic %s stamps records with %s, not LogAppendTime: knownAt answers are reproducible only if"
                    + " the records' instants grow with their offsets (see deploy/k8s/README.md)", topic,
                    type == null ? "an unknown time" : type);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (measuring != null) {
            measuring.shutdownNow();
        }
    }
}
