package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.rectrack.api.evidence.Metric;
import org.rectrack.api.evidence.Sex;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;

/**
 * Applies events to the read model, one or a poll's records at a time: a new version row each, in the same transaction
 * as the inbox's record of the aggregate version applied and the partition's progress. A duplicate or an older version
 * arriving late changes nothing; an event that cannot be applied throws, and the consumer sends it to the dead-letter
 * topic: one the gateway cannot read, of a type or schema version it does not know, or of a type that another topic
 * than the one it came on owns (what the gateway trusts is in the package documentation).
 */
@ApplicationScoped
public class ReadModelProjector {

    private final EventCodec codec;
    private final EventInbox inbox;
    private final ReadModelProgress progress;
    private final Instance<AppliedEventObserver> observers;
    private final VersionRowInserts rowInserts;

    ReadModelProjector(EventCodec codec, EventInbox inbox, ReadModelProgress progress,
            @Any Instance<AppliedEventObserver> observers, VersionRowInserts rowInserts) {
        this.codec = codec;
        this.inbox = inbox;
        this.progress = progress;
        this.observers = observers;
        this.rowInserts = rowInserts;
    }

    /**
     * Applies the event a record carries, and records the partition's progress in the same transaction.
     *
     * @param record a record of {@code rectrack.recommendations.v1} or {@code rectrack.evidence.v1}; its timestamp
     *               (LogAppendTime, milliseconds since the epoch) becomes the version's {@code recordedAt}
     * @return true if the event changed the read model
     * @throws MalformedEventException if the event cannot be applied (for the dead-letter topic, with this reason)
     */
    @Transactional
    public boolean apply(ConsumerRecord<String, String> record) {
        return apply(record, true);
    }

    /**
     * Applies the events a poll's records carry as {@link #apply(ConsumerRecord)} applies each, in one transaction,
     * each partition's progress recorded once, at its last record. The {@link AppliedEventObserver}s are told of each
     * event in the records' order, each seeing the read model as it was before that event and after it (the batch's
     * earlier rows flushed); when none of them may act on anything recorded by the batch's latest record
     * ({@link AppliedEventObserver#mayAct}), the rows are written in bulk as {@link #replay(List)} writes them.
     *
     * @param records records of {@code rectrack.recommendations.v1} and {@code rectrack.evidence.v1}, in the order
     *                the consumer returned them (each partition's in offset order)
     * @return how many of them changed the read model; the rest were already applied or write no version
     * @throws MalformedEventException if any of them cannot be applied (the batch is rolled back: apply its records
     *                                 one by one to find which)
     */
    @Transactional
    public int apply(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Instant latest = latestRecordedAt(records);
        if (observers.stream().noneMatch(observer -> observer.mayAct(latest))) {
            return replay(records);
        }
        int applied = 0;
        for (ConsumerRecord<String, String> record : records) {
            applied += applyOne(record, true) ? 1 : 0;
        }
        lastOfEachPartition(records).forEach(progress::handled);
        return applied;
    }

    /**
     * Applies the event a record carries as {@link #apply} does, without telling the {@link AppliedEventObserver}s: a
     * rebuild's replay of what was applied (and announced) before.
     */
    @Transactional
    public boolean replay(ConsumerRecord<String, String> record) {
        return apply(record, false);
    }

    /**
     * Replays a batch of records as {@link #replay(ConsumerRecord)} replays each, in one transaction: the versions
     * they carry claimed and written in JDBC statement batches, and each partition's progress recorded once, at the
     * last record of the batch. The same rows as one by one; a rebuild's pace is this method's.
     *
     * @param records records of {@code rectrack.recommendations.v1} and {@code rectrack.evidence.v1}, in the order
     *                the consumer returned them (each partition's in offset order)
     * @return how many of them changed the read model; the rest were already applied or write no version
     * @throws MalformedEventException if any of them cannot be applied (the batch is rolled back: replay it in
     *                                 smaller batches, or its records one by one, to find which)
     */
    @Transactional
    public int replay(List<ConsumerRecord<String, String>> records) {
        return replay(read(records));
    }

    /** A batch of records read ({@link #read}), to be replayed ({@link #replay(Read)}). */
    record Read(List<ConsumerRecord<String, String>> records, List<Projected> projected) {
    }

    /**
     * Reads a batch of records for {@link #replay(Read)}: each event decoded and the version row it writes built,
     * nothing written, in no transaction; so a replay can read the next batch on another thread while this one is
     * written.
     *
     * @param records as {@link #replay(List)} takes them
     * @throws MalformedEventException if any of them cannot be applied
     */
    Read read(List<ConsumerRecord<String, String>> records) {
        return new Read(records, records.stream().map(this::project).toList());
    }

    /**
     * Writes a batch read by {@link #read} as {@link #replay(List)} does.
     *
     * @return how many of its records changed the read model
     * @throws MalformedEventException if the database refuses a row (the batch is rolled back)
     */
    @Transactional
    int replay(Read batch) {
        List<Projected> versions = batch.projected().stream().filter(each -> each.row() != null).toList();
        boolean[] claimed = inbox.applyOnce(versions.stream().map(Projected::event).toList(), claims -> {
            List<PanacheEntityBase> rows = new ArrayList<>();
            for (int i = 0; i < claims.length; i++) {
                if (claims[i]) {
                    rows.add(versions.get(i).row());
                }
            }
            rowInserts.insert(rows);
        });
        lastOfEachPartition(batch.records()).forEach(progress::handled);
        int applied = 0;
        for (boolean claim : claimed) {
            applied += claim ? 1 : 0;
        }
        return applied;
    }

    private boolean apply(ConsumerRecord<String, String> record, boolean tellObservers) {
        boolean applied = applyOne(record, tellObservers);
        progress.handled(record);
        return applied;
    }

    /** Applies one record's event, without recording the partition's progress. */
    private boolean applyOne(ConsumerRecord<String, String> record, boolean tellObservers) {
        Projected projected = project(record);
        EventEnvelope<?> event = projected.event();
        PanacheEntityBase row = projected.row();
        if (row == null) {
            return false;
        }
        boolean applied = inbox.applyOnce(event,
                tellObservers ? () -> observed(event, projected.recordedAt(), row) : row::persist);
        Log.debugf("%s %s version %d of %s", applied ? "Applied" : "Ignored already applied", event.type(),
                event.aggregateVersion(), event.aggregateId());
        return applied;
    }

    /** Each partition's last record among {@code records} (in offset order within each partition). */
    private static Collection<ConsumerRecord<String, String>> lastOfEachPartition(
            List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, ConsumerRecord<String, String>> lastOfEach = new LinkedHashMap<>();
        records.forEach(record -> lastOfEach.put(new TopicPartition(record.topic(), record.partition()), record));
        return lastOfEach.values();
    }

    /** A record read: its event, when it was recorded, and the version row it writes (null: it writes none). */
    record Projected(EventEnvelope<?> event, Instant recordedAt, PanacheEntityBase row) {
    }

    /**
     * Reads the record's event and builds the version row it writes, without writing anything.
     *
     * @throws MalformedEventException if the event cannot be applied
     */
    private Projected project(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        Instant recordedAt = recordedAt(record);
        EventEnvelope<?> event = codec.decode(record.value());
        String owningTopic = EventType.byName(event.type()).map(EventType::topic)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + event.type() + "'"));
        if (!owningTopic.equals(topic)) {
            // Only the owning service writes to its topic (Kafka ACLs in production): elsewhere it is no owner's word.
            throw new MalformedEventException(event.type() + " came on " + topic + " but belongs on " + owningTopic
                    + ", where only its owning service publishes");
        }
        if (event.data() instanceof EvidenceProposed) {
            // A proposal to the evidence-service: the evidence it becomes comes on the evidence topic, if it does.
            return new Projected(event, recordedAt, null);
        }
        // Built before the version check, so that a bad event fails (to the dead-letter topic) even as a duplicate.
        PanacheEntityBase row = switch (event.data()) {
            case ReportChanged report -> report(event, check(event, report.id(), report), recordedAt);
            case RecommendationChanged recommendation ->
                recommendation(event, check(event, recommendation.id(), recommendation), recordedAt);
            case EvidenceChanged evidence -> evidence(event, check(event, evidence.id(), evidence), recordedAt);
            default -> throw new MalformedEventException("no read model for " + event.type());
        };
        return new Projected(event, recordedAt, row);
    }

    /** Writes the row between what the observers do before and after it. */
    private void observed(EventEnvelope<?> event, Instant recordedAt, PanacheEntityBase row) {
        List<Runnable> after = observers.stream().map(observer -> observer.applying(event, recordedAt)).toList();
        row.persist();
        if (!after.isEmpty()) {
            // The links and history go in at the flush: the observers' questions after it must see them.
            Panache.flush();
            after.forEach(Runnable::run);
        }
    }

    /**
     * Records that the consumer moved past a record it did not apply (one for the dead-letter topic), in a
     * transaction of its own: the one that tried to apply it has been rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void skipped(ConsumerRecord<String, String> record) {
        progress.handled(record);
    }

    /** The record's append time; a record without one (a topic of CreateTime, a producer that set none) gets now. */
    static Instant recordedAt(ConsumerRecord<?, ?> record) {
        return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
    }

    /**
     * The latest {@link #recordedAt} of a batch: what the {@link AppliedEventObserver}s are asked about before it is
     * applied, and what the {@link KnownAtWatermark} is nudged to once it is committed.
     *
     * @param records a poll's records, at least one
     * @return the latest of their append times (each as {@link #recordedAt} gives it)
     * @throws java.util.NoSuchElementException if there are no records
     */
    static Instant latestRecordedAt(List<? extends ConsumerRecord<?, ?>> records) {
        return records.stream().map(ReadModelProjector::recordedAt).max(Instant::compareTo).orElseThrow();
    }

    /** What the tables need and the codec cannot know: the data belongs to the aggregate the envelope names. */
    private static <T> T check(EventEnvelope<?> event, Object dataId, T data) {
        if (!event.aggregateId().equals(dataId)) {
            throw new MalformedEventException("aggregateId " + event.aggregateId() + " differs from data.id " + dataId);
        }
        return data;
    }

    private static ReportVersion report(EventEnvelope<?> event, ReportChanged data, Instant recordedAt) {
        require(event, data.country(), data.tier(), data.publisher(), data.title());
        ReportVersion row = new ReportVersion();
        row.reportId = data.id();
        row.version = event.aggregateVersion();
        row.eventId = event.eventId();
        row.occurredAt = event.occurredAt();
        row.recordedAt = recordedAt;
        row.country = data.country();
        row.year = data.year();
        row.tier = data.tier();
        row.publisher = data.publisher();
        row.title = data.title();
        row.sourceUrl = data.sourceUrl();
        row.publishedOn = data.publishedOn();
        row.periodFrom = data.periodFrom();
        row.periodTo = data.periodTo();
        row.recommendationCount = data.recommendationCount();
        row.changedAt = Objects.requireNonNullElse(data.changedAt(), event.occurredAt());
        return row;
    }

    private static RecommendationVersion recommendation(EventEnvelope<?> event, RecommendationChanged data,
            Instant recordedAt) {
        require(event, data.reportId(), data.code(), data.country(), data.text(), data.state());
        RecommendationVersion row = new RecommendationVersion();
        row.recommendationId = data.id();
        row.version = event.aggregateVersion();
        row.eventId = event.eventId();
        row.occurredAt = event.occurredAt();
        row.recordedAt = recordedAt;
        row.reportId = data.reportId();
        row.code = data.code();
        row.country = data.country();
        row.year = data.year();
        row.rank = data.rank();
        row.text = data.text();
        row.revision = data.revision();
        row.pillars = List.copyOf(Objects.requireNonNullElse(data.pillars(), List.of()));
        row.targetGroups = List.copyOf(Objects.requireNonNullElse(data.targetGroups(), List.of()));
        row.continuesFromId = data.continuesFromId();
        row.state = data.state();
        row.change = Objects.requireNonNullElse(data.change(), "CHANGED");
        row.changedAt = Objects.requireNonNullElse(data.changedAt(), event.occurredAt());
        return row;
    }

    private static EvidenceVersion evidence(EventEnvelope<?> event, EvidenceChanged data, Instant recordedAt) {
        require(event, data.organisation(), data.recommendations(), data.actionFrom(), data.actionTo(), data.summary(),
                data.language(), data.source(), data.visibility(), data.state());
        if (data.recommendations().isEmpty() || data.source().title() == null
                || data.recommendations().stream().anyMatch(link -> link == null
                        || link.recommendationId() == null || link.assessment() == null)) {
            throw new MalformedEventException("evidence " + data.id() + " lacks a recommendation, an assessment or a source title");
        }
        EvidenceVersion row = new EvidenceVersion();
        row.evidenceId = data.id();
        row.version = event.aggregateVersion();
        row.eventId = event.eventId();
        row.occurredAt = event.occurredAt();
        row.recordedAt = recordedAt;
        row.organisation = data.organisation();
        // An event written before the field existed counts as an NGO's (V2__evidence_origin sorts out the stored ones).
        row.origin = Objects.requireNonNullElse(data.origin(), Origin.ORGANISATION);
        row.actionFrom = data.actionFrom();
        row.actionTo = data.actionTo();
        row.summary = data.summary();
        row.language = data.language();
        row.sourceTitle = data.source().title();
        row.sourcePublisher = data.source().publisher();
        row.sourceUrl = data.source().url();
        row.sourceDocumentReference = data.source().documentReference();
        row.sourcePublishedOn = data.source().publishedOn();
        row.sourceQuote = data.source().quote();
        row.metrics = Objects.requireNonNullElse(data.metrics(), List.<EvidenceChanged.Metric> of()).stream()
                .map(metric -> new Metric(metric.kind(), metric.value(), metric.unit(), sex(metric.sex()),
                        metric.ageGroup(), metric.year()))
                .toList();
        row.visibility = data.visibility();
        row.state = data.state();
        row.change = Objects.requireNonNullElse(data.change(), data.state().name());
        data.recommendations().forEach(link ->
                row.links.add(new EvidenceVersion.Link(link.recommendationId(), link.assessment())));
        Objects.requireNonNullElse(data.history(), List.<EvidenceChanged.Transition> of()).forEach(step ->
                row.history.add(new EvidenceVersion.Transition(step.state(), step.actor(), step.organisation(), step.at(),
                        step.reason())));
        row.changedAt = Objects.requireNonNullElse(data.changedAt(), event.occurredAt());
        row.createdAt = row.history.isEmpty() || row.history.getFirst().at == null ? row.changedAt : row.history.getFirst().at;
        if (row.history.stream().anyMatch(step -> step.state == null || step.actor == null || step.at == null)) {
            throw new MalformedEventException("evidence " + data.id() + " has a history step without state, actor or time");
        }
        return row;
    }

    /** A figure's breakdown by sex as the contract names it; a value it does not name makes the event malformed. */
    private static Sex sex(String sex) {
        if (sex == null) {
            return null;
        }
        try {
            return Sex.valueOf(sex);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("a figure broken down by an unknown sex: " + sex);
        }
    }

    private static void require(EventEnvelope<?> event, Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new MalformedEventException(event.type() + " of " + event.aggregateId() + " lacks a required field");
            }
        }
    }
}
