package org.rectrack.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.api.evidence.Sex;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.problem.ProblemException;

/**
 * One piece of evidence of government action: the aggregate its review history and events belong to. It makes
 * each of its changes whole ({@link #submit}, {@link #apply}): the state rule of {@link ReviewAction}, one new
 * aggregate version, the time and the step in its history; and it states itself as its event
 * ({@link #changed}) and as the contract's answer ({@link #response}), so that no other class sets or reads its
 * fields one by one.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    private UUID id;

    /** The submitting organisation, from the submitter's token; never from the request body. */
    @Column(nullable = false)
    private String organisation;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    /** Who stands behind it: only evidence of origin ORGANISATION is its organisation's own (see {@link Actor#owns}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;

    @ElementCollection
    @CollectionTable(name = "evidence_recommendation", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    private List<Link> recommendations = new ArrayList<>();

    /** First and last day of the action; the same day for an action on one day. */
    @Column(name = "action_from", nullable = false)
    private LocalDate actionFrom;

    @Column(name = "action_to", nullable = false)
    private LocalDate actionTo;

    @Column(nullable = false)
    private String summary;

    /** BCP 47 tag of the summary, in its canonical form ({@code lo}, {@code en-GB}). */
    @Column(nullable = false)
    private String language;

    @Embedded
    @AttributeOverride(name = "title", column = @Column(name = "source_title", nullable = false))
    @AttributeOverride(name = "publisher", column = @Column(name = "source_publisher"))
    @AttributeOverride(name = "url", column = @Column(name = "source_url"))
    @AttributeOverride(name = "documentReference", column = @Column(name = "source_document_reference"))
    @AttributeOverride(name = "publishedOn", column = @Column(name = "source_published_on"))
    @AttributeOverride(name = "quote", column = @Column(name = "source_quote"))
    private Citation source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Metric> metrics = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvidenceState state;

    /** The aggregate version its events carry: 1 when submitted, +1 for every transition. */
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For Hibernate only: evidence comes into being by {@link #submit}. */
    protected Evidence() {
    }

    /**
     * Persists newly submitted evidence: SUBMITTED, version 1, created now, with the first step of its history.
     * The caller has checked the fields (the action's days in order, not in the future; the recommendations known).
     *
     * @param organisation the organisation it is recorded for (see {@link Actor#submitter})
     * @param submitter    who submits it: its name goes to the history, its origin to the evidence
     * @param actionFrom   first day of the action
     * @param actionTo     last day of the action, {@code actionFrom} for an action on one day
     * @param language     BCP 47 tag of the summary, canonical
     * @return the evidence, persisted in the caller's transaction
     */
    public static Evidence submit(String organisation, Actor submitter, List<Link> recommendations, LocalDate actionFrom,
            LocalDate actionTo, String summary, String language, Citation source, List<Metric> metrics,
            Visibility visibility) {
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.organisation = organisation;
        evidence.submittedBy = submitter.name();
        evidence.origin = submitter.origin();
        evidence.recommendations = new ArrayList<>(recommendations);
        evidence.actionFrom = actionFrom;
        evidence.actionTo = actionTo;
        evidence.summary = summary;
        evidence.language = language;
        evidence.source = source;
        evidence.metrics = List.copyOf(metrics);
        evidence.visibility = visibility;
        evidence.state = EvidenceState.SUBMITTED;
        evidence.version = 1;
        evidence.createdAt = now();
        evidence.updatedAt = evidence.createdAt;
        evidence.persist();
        EvidenceTransition.record(evidence, submitter, null);
        return evidence;
    }

    /**
     * Moves the evidence through the review workflow: to the action's state, as one new aggregate version stamped
     * now, with its step in the history (who, when, why). Only the submitting organisation retracts
     * ({@link Actor#owns}); each action starts only from the states {@link ReviewAction} allows.
     *
     * @param reason why, for the history; may be null (a verification's note left out)
     * @throws ProblemException 403 when someone else retracts; 409 when the action is not allowed from the state
     */
    public void apply(ReviewAction action, Actor actor, String reason) {
        if (action == ReviewAction.RETRACT && !actor.owns(this)) {
            throw ProblemException.forbidden("only the organisation that submitted evidence may retract it");
        }
        if (!action.allowedFrom(state)) {
            throw ProblemException.conflict("the evidence is " + state + "; it can be "
                    + action.target().name().toLowerCase(Locale.ROOT) + " only while " + action.from());
        }
        state = action.target();
        version++;
        updatedAt = now();
        EvidenceTransition.record(this, actor, reason);
    }

    /** Its review history, the first step (SUBMITTED) first. */
    public List<EvidenceTransition> history() {
        return EvidenceTransition.of(id);
    }

    /**
     * Its full state as the event of the change it has just made (event-carried state transfer): the change is the
     * state it has just entered, SUBMITTED, VERIFIED, REJECTED or RETRACTED.
     *
     * @param history its history, as {@link #history()} reads it
     */
    public EvidenceChanged changed(List<EvidenceTransition> history) {
        return new EvidenceChanged(
                id,
                organisation,
                recommendations.stream()
                        .map(link -> new EvidenceChanged.Link(link.recommendationId, link.assessment))
                        .toList(),
                actionFrom,
                actionTo,
                summary,
                language,
                new EvidenceChanged.Source(source.title, source.publisher, source.url, source.documentReference,
                        source.publishedOn, source.quote),
                metrics.stream()
                        .map(metric -> new EvidenceChanged.Metric(metric.kind(), metric.value(), metric.unit(),
                                metric.sex(), metric.ageGroup(), metric.year()))
                        .toList(),
                visibility,
                state,
                history.stream().map(EvidenceTransition::event).toList(),
                state.name(),
                updatedAt,
                origin);
    }

    /**
     * Its state as the contract's {@link EvidenceResponse} (rectrack-api): the entity itself never leaves as JSON.
     *
     * @param history its history, as {@link #history()} reads it
     */
    public EvidenceResponse response(List<EvidenceTransition> history) {
        return new EvidenceResponse(id, organisation, origin,
                recommendations.stream()
                        .map(link -> new EvidenceResponse.Link(link.recommendationId, link.assessment)).toList(),
                EvidenceResponse.actionDate(actionFrom, actionTo),
                EvidenceResponse.actionPeriod(actionFrom, actionTo),
                summary, language,
                new org.rectrack.api.evidence.Citation(source.title, source.publisher, source.url,
                        source.documentReference, source.publishedOn, source.quote),
                metrics.stream().map(metric -> new org.rectrack.api.evidence.Metric(metric.kind(), metric.value(),
                        metric.unit(), metric.sex() == null ? null : Sex.valueOf(metric.sex()), metric.ageGroup(),
                        metric.year()))
                        .toList(),
                visibility, state, version, createdAt, updatedAt,
                history.stream().map(EvidenceTransition::response).toList());
    }

    public UUID id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public Origin origin() {
        return origin;
    }

    public Visibility visibility() {
        return visibility;
    }

    public EvidenceState state() {
        return state;
    }

    public long version() {
        return version;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Times are kept to the microsecond, as PostgreSQL stores them, so an answer reads the same before and after. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The evidence bears on this recommendation in this way. */
    @Embeddable
    public static class Link {

        @Column(name = "recommendation_id", nullable = false)
        private UUID recommendationId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private Assessment assessment;

        protected Link() {
        }

        public Link(UUID recommendationId, Assessment assessment) {
            this.recommendationId = recommendationId;
            this.assessment = assessment;
        }
    }

    /** Where the evidence is written. */
    @Embeddable
    public static class Citation {

        private String title;
        private String publisher;
        private String url;
        private String documentReference;
        private LocalDate publishedOn;
        private String quote;

        protected Citation() {
        }

        public Citation(String title, String publisher, String url, String documentReference, LocalDate publishedOn,
                String quote) {
            this.title = title;
            this.publisher = publisher;
            this.url = url;
            this.documentReference = documentReference;
            this.publishedOn = publishedOn;
            this.quote = quote;
        }
    }

    /** A typed figure as stored in the {@code metrics} JSON column. */
    public record Metric(MetricKind kind, BigDecimal value, String unit, String sex, String ageGroup, Integer year) {
    }
}
