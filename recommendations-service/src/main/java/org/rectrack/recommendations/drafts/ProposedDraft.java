package org.rectrack.recommendations.drafts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A draft evidence item proposed to the evidence-service, with its event; written once, never changed. */
@Entity
@Table(name = "proposed_draft")
public class ProposedDraft extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recommendation_id", nullable = false)
    public UUID recommendationId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** The unmatched finding it was attached from; null for a draft of an import. */
    @Column(name = "finding_id")
    public UUID findingId;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
}
