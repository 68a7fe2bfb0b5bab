package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;

/** One version of a piece of evidence as its event carried it; written once by the read model, never changed. */
@Entity
@Immutable
@Table(name = "evidence_version")
public class EvidenceVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "evidence_id", nullable = false)
    public UUID evidenceId;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** When the evidence-service committed this version (the event's occurredAt); shown, not compared. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * When the event was appended to its topic (its record's LogAppendTime): the instant rectrack recorded this
     * version, which {@code knownAt} compares with.
     */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String organisation;

    /** Who stands behind it: only evidence of origin ORGANISATION is its organisation's own (see Viewer). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    @Column(name = "action_from", nullable = false)
    public LocalDate actionFrom;

    @Column(name = "action_to", nullable = false)
    public LocalDate actionTo;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String language;

    @Column(name = "source_title", nullable = false)
    public String sourceTitle;

    @Column(name = "source_publisher")
    public String sourcePublisher;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "source_document_reference")
    public String sourceDocumentReference;

    @Column(name = "source_published_on")
    public LocalDate sourcePublishedOn;

    @Column(name = "source_quote")
    public String sourceQuote;

    /** The typed figures, in the contract's own shape (rectrack-api), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Metric> metrics = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceState state;

    @Column(nullable = false)
    public String change;

    /** When the evidence was submitted: the first transition of its history. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @ElementCollection
    @Immutable
    @CollectionTable(name = "evidence_version_link", joinColumns = @JoinColumn(name = "evidence_seq"))
    @OrderColumn(name = "position")
    public List<Link> links = new ArrayList<>();

    /** How many recommendations it bears on: the size of {@link #links}, set as the row is first saved. */
    @Column(name = "link_count", nullable = false)
    public int linkCount;

    @ElementCollection
    @Immutable
    @CollectionTable(name = "evidence_version_transition", joinColumns = @JoinColumn(name = "evidence_seq"))
    @OrderColumn(name = "position")
    public List<Transition> history = new ArrayList<>();

    /** The evidence bears on this recommendation in this way. */
    @Embeddable
    public static class Link {

        @Column(name = "recommendation_id", nullable = false)
        public UUID recommendationId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Assessment assessment;

        protected Link() {
        }

        public Link(UUID recommendationId, Assessment assessment) {
            this.recommendationId = recommendationId;
            this.assessment = assessment;
        }
    }

    /** One step of the review history. */
    @Embeddable
    public static class Transition {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public EvidenceState state;

        @Column(nullable = false)
        public String actor;

        public String organisation;

        @Column(nullable = false)
        public Instant at;

        public String reason;

        protected Transition() {
        }

        public Transition(EvidenceState state, String actor, String organisation, Instant at, String reason) {
            this.state = state;
            this.actor = actor;
            this.organisation = organisation;
            this.at = at;
            this.reason = reason;
        }
    }

    @PrePersist
    void countLinks() {
        linkCount = links.size();
    }

    /** Where the evidence is written: the source columns as the contract's citation. */
    public Citation source() {
        return new Citation(sourceTitle, sourcePublisher, sourceUrl, sourceDocumentReference, sourcePublishedOn,
                sourceQuote);
    }
}
