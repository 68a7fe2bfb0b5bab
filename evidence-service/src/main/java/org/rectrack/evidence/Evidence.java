package org.rectrack.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;

/** One piece of evidence of government action: the aggregate its review history and events belong to. */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The submitting organisation, from the submitter's token; never from the request body. */
    @Column(nullable = false)
    public String organisation;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** Who stands behind it: only evidence of origin ORGANISATION is its organisation's own (see {@link Actor#owns}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    @ElementCollection
    @CollectionTable(name = "evidence_recommendation", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    public List<Link> recommendations = new ArrayList<>();

    /** First and last day of the action; the same day for an action on one day. */
    @Column(name = "action_from", nullable = false)
    public LocalDate actionFrom;

    @Column(name = "action_to", nullable = false)
    public LocalDate actionTo;

    @Column(nullable = false)
    public String summary;

    /** BCP 47 tag of the summary, in its canonical form ({@code lo}, {@code en-GB}). */
    @Column(nullable = false)
    public String language;

    @Embedded
    @AttributeOverride(name = "title", column = @Column(name = "source_title", nullable = false))
    @AttributeOverride(name = "publisher", column = @Column(name = "source_publisher"))
    @AttributeOverride(name = "url", column = @Column(name = "source_url"))
    @AttributeOverride(name = "documentReference", column = @Column(name = "source_document_reference"))
    @AttributeOverride(name = "publishedOn", column = @Column(name = "source_published_on"))
    @AttributeOverride(name = "quote", column = @Column(name = "source_quote"))
    public Citation source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Metric> metrics = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceState state;

    /** The aggregate version its events carry: 1 when submitted, +1 for every transition. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

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

    /** Where the evidence is written. */
    @Embeddable
    public static class Citation {

        public String title;
        public String publisher;
        public String url;
        public String documentReference;
        public LocalDate publishedOn;
        public String quote;
    }

    /** A typed figure as stored in the {@code metrics} JSON column. */
    public record Metric(MetricKind kind, BigDecimal value, String unit, String sex, String ageGroup, Integer year) {
    }
}
