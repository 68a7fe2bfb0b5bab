package org.rectrack.gateway;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.ReportChanged;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.readmodel.KnownAtWatermark;

/**
 * Plays the two services: publishes their events on the real topics with a plain producer (key = aggregate id,
 * value = the codec's JSON), and waits until the gateway's read model has handled them.
 */
public final class TestEvents {

    /** A unique country-year comes with the years after it: this many years in all (see CountryYear.nextYear). */
    private static final int YEARS_EACH = 3;
    /** The years a report may have (QueryValues' bounds for a year). */
    private static final int FIRST_YEAR = 2001;
    /**
     * Last year: the services refuse reports on years to come, and a report of this year (published on 15 June) would
     * not count as of today before June.
     */
    private static final int LAST_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1;
    /** The year of the sentinel reports: outside the years a client may ask for, so no list by year shows them. */
    private static final int SENTINEL_YEAR = 2000;
    /** Laos is left out: the end-to-end test imports the real Laos reports, whatever other tests have published. */
    private static final List<String> COUNTRIES = new java.util.TreeSet<>(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)).stream()
            .filter(code -> !code.equals("LAO"))
            .toList();
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** A country and a year. */
    public record CountryYear(String country, int year) {

        /** The same country a year later: of a unique country-year, the next two years are the caller's too. */
        public CountryYear nextYear() {
            return new CountryYear(country, year + 1);
        }
    }

    /**
     * A country and year that no data in the read model has, nor the next two years of that country: so that lists
     * by country and year are the caller's own. Drawn at random and checked against the read model once it has
     * handled everything on the recommendations topic (where reports and recommendations, and so their country and
     * year, travel), which holds whatever any earlier test of this JVM, or an earlier start of the gateway, put
     * there. No counter is shared between tests: the topics and the read model are the only record of what is taken.
     */
    public static CountryYear uniqueCountryYear() {
        awaitRecommendationsTopicHandled();
        for (int attempt = 0; attempt < 100; attempt++) {
            CountryYear drawn = new CountryYear(COUNTRIES.get(ThreadLocalRandom.current().nextInt(COUNTRIES.size())),
                    ThreadLocalRandom.current().nextInt(FIRST_YEAR, LAST_YEAR - YEARS_EACH + 2));
            if (unused(drawn)) {
                return drawn;
            }
        }
        throw new IllegalStateException("100 country-years drawn at random were all taken");
    }

    /** Whether the read model has no report and no recommendation of the country in the year or the two after. */
    private static boolean unused(CountryYear where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager().createNativeQuery(
                "select (select count(*) from report_version where country = :country and year between :from and :to)"
                        + " + (select count(*) from recommendation_version where country = :country"
                        + " and year between :from and :to)")
                .setParameter("country", where.country())
                .setParameter("from", where.year())
                .setParameter("to", where.year() + YEARS_EACH - 1)
                .getSingleResult()).longValue() == 0);
    }

    /** A sentinel on every partition of the recommendations topic, each awaited: what was sent before is handled. */
    private static void awaitRecommendationsTopicHandled() {
        for (PartitionInfo partition : producer().partitionsFor(Topics.RECOMMENDATIONS)) {
            UUID sentinel = UUID.randomUUID();
            EventEnvelope<?> event = report(sentinel, 1, new CountryYear(COUNTRIES.getFirst(), SENTINEL_YEAR),
                    Tier.TIER_2, Instant.now());
            send(new ProducerRecord<>(Topics.RECOMMENDATIONS, partition.partition(), sentinel.toString(),
                    codec().encode(event)));
            awaitVersion(event.type(), sentinel, 1);
        }
    }

    /** An instant in the past, to the microsecond as PostgreSQL keeps it, so as-of questions have room before it. */
    public static Instant minutesAgo(long minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofMinutes(minutes));
    }

    public static EventEnvelope<ReportChanged> report(UUID id, long version, CountryYear where, Tier tier,
            Instant occurredAt) {
        ReportChanged data = new ReportChanged(id, where.country(), where.year(), tier, "U.S. Department of State",
                where.year() + " Trafficking in Persons Report: " + where.country(), "https://www.state.gov/reports/",
                LocalDate.of(where.year(), 6, 15), LocalDate.of(where.year() - 1, 4, 1), LocalDate.of(where.year(), 3, 31),
                3, occurredAt);
        return envelope(EventType.REPORT_CHANGED, id, version, occurredAt, data);
    }

    public static EventEnvelope<RecommendationChanged> recommendation(UUID id, long version, UUID reportId,
            CountryYear where, int rank, String text, UUID continuesFromId, RecommendationState state, Instant occurredAt) {
        RecommendationChanged data = new RecommendationChanged(id, reportId,
                where.country() + "-" + where.year() + "-" + String.format("%02d", rank), where.country(), where.year(),
                rank, text, (int) version, List.of(Pillar.PROSECUTION), List.of("children"), continuesFromId, state,
                version == 1 ? "CREATED" : "REVISED", occurredAt);
        return envelope(EventType.RECOMMENDATION_CHANGED, id, version, occurredAt, data);
    }

    /** An NGO's evidence on one recommendation; its history has one step per version, the last in {@code state}. */
    public static EventEnvelope<EvidenceChanged> evidence(UUID id, long version, UUID recommendationId,
            Assessment assessment, LocalDate actionDate, String organisation, Visibility visibility, EvidenceState state,
            Instant occurredAt) {
        return evidence(id, version, recommendationId, assessment, actionDate, organisation, Origin.ORGANISATION,
                visibility, state, occurredAt);
    }

    /** Evidence of this origin on one recommendation, shown under {@code organisation}. */
    public static EventEnvelope<EvidenceChanged> evidence(UUID id, long version, UUID recommendationId,
            Assessment assessment, LocalDate actionDate, String organisation, Origin origin, Visibility visibility,
            EvidenceState state, Instant occurredAt) {
        List<EvidenceChanged.Transition> history = new ArrayList<>();
        history.add(new EvidenceChanged.Transition(EvidenceState.SUBMITTED, "ngo@" + organisation, organisation,
                occurredAt.minusSeconds(version), null));
        if (version > 1) {
            history.add(new EvidenceChanged.Transition(state, "reviewer@board", "board", occurredAt, "checked"));
        }
        EvidenceChanged data = new EvidenceChanged(id, organisation,
                List.of(new EvidenceChanged.Link(recommendationId, assessment)), actionDate, actionDate,
                "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ.", "lo",
                new EvidenceChanged.Source("Vientiane Times", "Vientiane Times", "https://www.vientianetimes.org.la/", null,
                        actionDate.plusDays(1), "ເຈົ້າໜ້າທີ່ 300 ຄົນ"),
                List.of(new EvidenceChanged.Metric(MetricKind.OFFICIALS_TRAINED, BigDecimal.valueOf(300), "PERSONS", null,
                        null, null)),
                visibility, state, history, state.name(), occurredAt, origin);
        return envelope(EventType.EVIDENCE_CHANGED, id, version, occurredAt, data);
    }

    /** Publishes the event on its topic and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(EventEnvelope<?> event) {
        String topic = EventType.byName(event.type()).orElseThrow().topic();
        return send(new ProducerRecord<>(topic, event.aggregateId().toString(), codec().encode(event)));
    }

    /**
     * Publishes and waits until the read model has applied this version (or a later one) of the aggregate, and counts
     * it in the answers that leave {@code knownAt} open.
     *
     * @return the instant the broker recorded it
     */
    public static Instant publishAndAwait(EventEnvelope<?> event) {
        RecordMetadata sent = publish(event);
        awaitVersion(event.type(), event.aggregateId(), event.aggregateVersion());
        return awaitKnown(sent);
    }

    /**
     * Waits until the read model's watermark has passed the record, so that answers as known at the latest change
     * include it.
     *
     * @return the instant the broker recorded it
     */
    public static Instant awaitKnown(RecordMetadata sent) {
        Instant recorded = Instant.ofEpochMilli(sent.timestamp());
        KnownAtWatermark watermark = Arc.container().instance(KnownAtWatermark.class).get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !watermark.reached().watermark().isBefore(recorded));
        return recorded;
    }

    /** The JSON an event travels as. */
    public static String publishable(EventEnvelope<?> event) {
        return codec().encode(event);
    }

    /** Sends any value, poison included. */
    public static RecordMetadata send(String topic, String key, String value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Sends values to one partition of a topic in one go, without waiting for each acknowledgement before the next
     * send, so that they reach the broker together and the consumer gets them in one poll (a batch); then waits for
     * every acknowledgement.
     *
     * @param values key and value of each record, in the order they are to be on the partition
     * @return each record's metadata, in the same order
     */
    public static List<RecordMetadata> sendTogether(String topic, int partition, List<Map.Entry<String, String>> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Map.Entry<String, String> value : values) {
            sent.add(producer().send(new ProducerRecord<>(topic, partition, value.getKey(), value.getValue())));
        }
        producer().flush();
        List<RecordMetadata> acknowledged = new ArrayList<>();
        for (Future<RecordMetadata> each : sent) {
            try {
                acknowledged.add(each.get(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge a record sent to " + topic, e);
            }
        }
        return acknowledged;
    }

    /**
     * Publishes a new report on the same partition as {@code earlier} and waits until the read model has it: a
     * partition is consumed in order, so everything sent there before has been handled too.
     */
    public static void awaitHandled(RecordMetadata earlier) {
        UUID sentinel = UUID.randomUUID();
        EventEnvelope<?> event = earlier.topic().equals(Topics.EVIDENCE)
                ? evidence(sentinel, 1, UUID.randomUUID(), Assessment.ADVANCES, LocalDate.of(2023, 1, 1), "sentinel",
                        Visibility.PUBLIC, EvidenceState.SUBMITTED, Instant.now())
                : report(sentinel, 1, new CountryYear(COUNTRIES.getFirst(), SENTINEL_YEAR), Tier.TIER_2, Instant.now());
        RecordMetadata sent = send(new ProducerRecord<>(earlier.topic(), earlier.partition(), sentinel.toString(),
                codec().encode(event)));
        awaitVersion(event.type(), sentinel, 1);
        awaitKnown(sent);
    }

    public static void awaitVersion(String type, UUID id, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> appliedVersion(type, id), applied -> applied >= version);
    }

    /** The version of the aggregate the read model has applied; 0 for none. */
    public static long appliedVersion(String type, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager()
                .createNativeQuery("select coalesce(max(version), 0) from applied_version"
                        + " where aggregate_type = :type and aggregate_id = :id")
                .setParameter("type", type)
                .setParameter("id", id)
                .getSingleResult()).longValue());
    }

    public static EntityManager entityManager() {
        return Arc.container().instance(EntityManager.class).get();
    }

    private static <T> EventEnvelope<T> envelope(EventType<T> type, UUID id, long version, Instant occurredAt, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type.name(), type.schemaVersion(), occurredAt, id, version, data);
    }

    private static EventCodec codec() {
        return Arc.container().instance(EventCodec.class).get();
    }

    private static RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge " + record.key(), e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            KafkaProducer<String, String> created = new KafkaProducer<>(properties);
            producer = created;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(1))));
        }
        return producer;
    }
}
