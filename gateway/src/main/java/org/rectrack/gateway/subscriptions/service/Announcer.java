package org.rectrack.gateway.subscriptions.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;
import org.rectrack.gateway.readmodel.AppliedEventObserver;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.RecommendationVersion;
import org.rectrack.gateway.readmodel.ReportVersion;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.subscriptions.domain.EventKind;
import org.rectrack.gateway.subscriptions.domain.MessagesWritten;
import org.rectrack.gateway.subscriptions.domain.Subscription;

/**
 * Turns what the read model applies into messages for the subscriptions it concerns, in the transaction that applies
 * it (an outbox of deliveries): written once whichever gateway instance applied the event, since a message's id is
 * derived from the event's and the subscription's and a second insert of it does nothing; and never for what a
 * rebuild replays (the read model does not tell its observers of a replay).
 *
 * <p>What each subscriber is told is computed with its owner's eyes ({@link Subscription#viewer()}), as the API would
 * answer them: a status is compared before and after the event over the evidence the owner may see (so a change
 * made by restricted evidence of another organisation is no change to them), and evidence is announced only to those
 * who may see it. Only changes recorded after the subscription was made are announced (a read model filled again from
 * the topics does not announce history).
 *
 * <ul>
 * <li>{@code status.changed}: a recommendation in the scope has another status after the event than before, as of
 * today and with everything the read model holds.</li>
 * <li>{@code evidence.submitted}, {@code evidence.verified}: evidence bearing on a recommendation in the scope (or
 * any, for the review queue) entered that state.</li>
 * <li>{@code report.published}: the first version of a report on the country (and year) of the scope.</li>
 * </ul>
 */
@ApplicationScoped
public class Announcer implements AppliedEventObserver {

    /** "Everything the read model holds": an instant after any record's. */
    private static final Instant HELD = Instant.parse("9999-12-31T00:00:00Z");
    /** Evidence of any action date, for telling whether evidence shows at all (not held back). */
    private static final LocalDate ANY_DAY = LocalDate.of(9999, 12, 31);
    private static final Runnable NOTHING = () -> {
    };

    private final StatusService statuses;
    private final ReadModel readModel;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<MessagesWritten> written;

    Announcer(StatusService statuses, ReadModel readModel, EntityManager entityManager, ObjectMapper json,
            Event<MessagesWritten> written) {
        this.statuses = statuses;
        this.readModel = readModel;
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
    }

    /**
     * Only changes recorded after a subscription was made are announced: with no subscription made by
     * {@code recordedAt}, nothing recorded by then is (the usual case while a gateway catches up on a backlog, or on a
     * system nobody subscribed to).
     */
    @Override
    public boolean mayAct(Instant recordedAt) {
        return Subscription.count("createdAt <= ?1", recordedAt) > 0;
    }

    @Override
    public Runnable applying(EventEnvelope<?> event, Instant recordedAt) {
        return switch (event.data()) {
            case EvidenceChanged evidence -> evidence(event, evidence, recordedAt);
            case RecommendationChanged recommendation -> recommendation(event, recommendation, recordedAt);
            case ReportChanged report -> report(event, report, recordedAt);
            default -> NOTHING;
        };
    }

    private Runnable report(EventEnvelope<?> event, ReportChanged report, Instant recordedAt) {
        if (ReportVersion.count("reportId", report.id()) > 0) {
            return NOTHING; // a correction of a report published before
        }
        List<Subscription> subscribers = Subscription.list("createdAt <= ?1 and country = ?2 and (year is null or year = ?3)",
                recordedAt, report.country(), report.year());
        return () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reportId", report.id());
            data.put("country", report.country());
            data.put("year", report.year());
            data.put("tier", report.tier());
            data.put("title", report.title());
            data.put("publisher", report.publisher());
            data.put("publishedOn", report.publishedOn());
            data.put("recommendationCount", report.recommendationCount());
            for (Subscription subscription : subscribers) {
                if (subscription.wants(EventKind.REPORT_PUBLISHED)) {
                    write(event, subscription, EventKind.REPORT_PUBLISHED, report.id(), "Report published: "
                            + report.title(), data);
                }
            }
        };
    }

    private Runnable recommendation(EventEnvelope<?> event, RecommendationChanged recommendation, Instant recordedAt) {
        List<Subscription> subscribers = subscribers(recordedAt, Set.of(recommendation.id()),
                Map.of(recommendation.id(), new Place(recommendation.country(), recommendation.year())));
        return statusChanges(event, subscribers, Map.of(recommendation.id(),
                new Place(recommendation.country(), recommendation.year())));
    }

    private Runnable evidence(EventEnvelope<?> event, EvidenceChanged evidence, Instant recordedAt) {
        Optional<EvidenceVersion> previous = EvidenceVersion.<EvidenceVersion> find("evidenceId = ?1 order by version desc",
                evidence.id()).firstResultOptional();
        Set<UUID> bearsOn = new LinkedHashSet<>();
        evidence.recommendations().forEach(link -> bearsOn.add(link.recommendationId()));
        previous.ifPresent(earlier -> earlier.links.forEach(link -> bearsOn.add(link.recommendationId)));
        Map<UUID, Place> places = places(bearsOn);
        List<Subscription> subscribers = subscribers(recordedAt, bearsOn, places);
        if (subscribers.isEmpty()) {
            return NOTHING;
        }
        EvidenceState before = previous.map(earlier -> earlier.state).orElse(null);
        Optional<EventKind> entered = evidence.state() == EvidenceState.SUBMITTED && before != EvidenceState.SUBMITTED
                ? Optional.of(EventKind.EVIDENCE_SUBMITTED)
                : evidence.state() == EvidenceState.VERIFIED && before != EvidenceState.VERIFIED
                        ? Optional.of(EventKind.EVIDENCE_VERIFIED) : Optional.empty();
        Runnable statusChanges = statusChanges(event, subscribers, places);
        return () -> {
            statusChanges.run();
            entered.ifPresent(kind -> evidenceEntered(event, evidence, kind, subscribers, places));
        };
    }

    /** Tells each subscriber who may see the evidence, and whose scope it touches, that it entered a state. */
    private void evidenceEntered(EventEnvelope<?> event, EvidenceChanged evidence, EventKind kind,
            List<Subscription> subscribers, Map<UUID, Place> places) {
        if (readModel.evidence(evidence.id(), new TimeFrame(ANY_DAY, HELD)).isEmpty()) {
            return; // held back: it names a recommendation the read model does not show (see ReadModel)
        }
        Origin origin = Objects.requireNonNullElse(evidence.origin(), Origin.ORGANISATION);
        List<UUID> bearsOn = evidence.recommendations().stream().map(EvidenceChanged.Link::recommendationId).toList();
        for (Subscription subscription : subscribers) {
            if (!subscription.wants(kind)
                    || !subscription.viewer().maySee(evidence.visibility(), evidence.organisation(), origin)
                    || !(subscription.reviewQueue || bearsOn.stream().anyMatch(id -> inScope(subscription, id, places)))) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("evidenceId", evidence.id());
            data.put("state", evidence.state());
            data.put("recommendationIds", bearsOn);
            data.put("organisation", evidence.organisation());
            data.put("visibility", evidence.visibility());
            data.put("actionFrom", evidence.actionFrom());
            data.put("summary", evidence.summary());
            String verb = kind == EventKind.EVIDENCE_VERIFIED ? "verified" : "submitted";
            write(event, subscription, kind, evidence.id(), "Evidence " + verb + ": " + abbreviate(evidence.summary()),
                    data);
        }
    }

    /**
     * Computes, before the event's row is written, the status of every recommendation in the scope of a subscriber
     * wanting status changes, once per distinct pair of eyes; answers what compares them with the statuses after.
     */
    private Runnable statusChanges(EventEnvelope<?> event, List<Subscription> subscribers, Map<UUID, Place> places) {
        List<Subscription> wanting = subscribers.stream()
                .filter(subscription -> subscription.wants(EventKind.STATUS_CHANGED)).toList();
        if (wanting.isEmpty()) {
            return NOTHING;
        }
        TimeFrame frame = new TimeFrame(TimeFrame.today(), HELD);
        Map<Viewer, Map<UUID, Optional<RecommendationStatus>>> before = new HashMap<>();
        for (Subscription subscription : wanting) {
            Map<UUID, Optional<RecommendationStatus>> seen = before.computeIfAbsent(subscription.viewer(),
                    viewer -> new HashMap<>());
            for (UUID id : places.keySet()) {
                if (inScope(subscription, id, places) && !seen.containsKey(id)) {
                    seen.put(id, statuses.of(id, frame, subscription.viewer()));
                }
            }
        }
        return () -> {
            Map<Viewer, Map<UUID, Optional<RecommendationStatus>>> after = new HashMap<>();
            for (Subscription subscription : wanting) {
                Viewer viewer = subscription.viewer();
                for (Map.Entry<UUID, Optional<RecommendationStatus>> then : before.get(viewer).entrySet()) {
                    if (!inScope(subscription, then.getKey(), places) || then.getValue().isEmpty()) {
                        continue;
                    }
                    Optional<RecommendationStatus> now = after.computeIfAbsent(viewer, key -> new HashMap<>())
                            .computeIfAbsent(then.getKey(), id -> statuses.of(id, frame, viewer));
                    if (now.isPresent() && now.get().status() != then.getValue().get().status()) {
                        statusChanged(event, subscription, then.getValue().get(), now.get());
                    }
                }
            }
        };
    }

    private void statusChanged(EventEnvelope<?> event, Subscription subscription, RecommendationStatus before,
            RecommendationStatus after) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recommendationId", after.id());
        data.put("code", after.code());
        data.put("country", after.country());
        data.put("year", after.year());
        data.put("previousStatus", before.status());
        data.put("status", after.status());
        data.put("rule", after.rule());
        data.put("explanation", after.explanation());
        data.put("evidenceIds", after.evidenceIds());
        data.put("asOf", after.asOf());
        write(event, subscription, EventKind.STATUS_CHANGED, after.id(),
                after.code() + ": " + before.status() + " → " + after.status(), data);
    }

    /** Where a recommendation is: what country and year scopes match. */
    private record Place(String country, int year) {
    }

    private static Map<UUID, Place> places(Set<UUID> recommendationIds) {
        Map<UUID, Place> places = new LinkedHashMap<>();
        if (recommendationIds.isEmpty()) {
            return places;
        }
        RecommendationVersion.<RecommendationVersion> list("recommendationId in ?1", recommendationIds)
                .forEach(recommendation -> places.putIfAbsent(recommendation.recommendationId,
                        new Place(recommendation.country, recommendation.year)));
        return places;
    }

    /** The subscriptions made by {@code recordedAt} whose scope is one of these recommendations, their places, or the queue. */
    private static List<Subscription> subscribers(Instant recordedAt, Set<UUID> recommendationIds, Map<UUID, Place> places) {
        Set<String> countries = new LinkedHashSet<>();
        places.values().forEach(place -> countries.add(place.country()));
        List<Subscription> found = Subscription.list("createdAt <= ?1 and (reviewQueue = true or recommendationId in ?2"
                + " or country in ?3)", recordedAt, recommendationIds.isEmpty() ? Set.of(new UUID(0, 0)) : recommendationIds,
                countries.isEmpty() ? Set.of("") : countries);
        return found.stream()
                .filter(subscription -> subscription.reviewQueue
                        || recommendationIds.stream().anyMatch(id -> inScope(subscription, id, places)))
                .toList();
    }

    private static boolean inScope(Subscription subscription, UUID recommendationId, Map<UUID, Place> places) {
        if (subscription.recommendationId != null) {
            return subscription.recommendationId.equals(recommendationId);
        }
        Place place = places.get(recommendationId);
        return subscription.country != null && place != null && subscription.country.equals(place.country())
                && (subscription.year == null || subscription.year == place.year());
    }

    /**
     * Writes one message, unless it was written before: its id is derived from the event, the subscription, the kind
     * and what it is about, so the same change applied twice (by two instances, or again) is one message.
     */
    private void write(EventEnvelope<?> event, Subscription subscription, EventKind kind, UUID about, String title,
            Map<String, Object> data) {
        UUID id = UUID.nameUUIDFromBytes((event.eventId() + "/" + subscription.id + "/" + kind.wireName() + "/" + about)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.wireName());
        body.put("timestamp", event.occurredAt());
        body.put("data", data);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body cannot be written as JSON", e);
        }
        entityManager.createNativeQuery("""
                insert into webhook_message (id, subscription_id, type, body, title, created_at, state, attempts,
                        next_attempt_at)
                values (:id, :subscription, :type, :body, :title, now(), 'PENDING', 0, now())
                on conflict (id) do nothing
                """)
                .setParameter("id", id)
                .setParameter("subscription", subscription.id)
                .setParameter("type", kind.wireName())
                .setParameter("body", text)
                .setParameter("title", title)
                .executeUpdate();
        written.fire(new MessagesWritten());
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
