package org.rectrack.evidence.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rectrack.evidence.Actor;
import org.rectrack.evidence.Evidence;
import org.rectrack.events.evidence.EvidenceState;

/** One state evidence entered, with who moved it there, when and why; written once, never changed. */
@Entity
@Table(name = "evidence_transition")
public class EvidenceTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "evidence_id", nullable = false)
    public UUID evidenceId;

    /** The evidence's aggregate version this transition made; unique per evidence, so no version is made twice. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceState state;

    @Column(nullable = false)
    public String actor;

    public String organisation;

    @Column(nullable = false)
    public Instant at;

    public String reason;

    /** Records the state the evidence has just entered. */
    public static EvidenceTransition record(Evidence evidence, Actor actor, String reason) {
        EvidenceTransition transition = new EvidenceTransition();
        transition.id = UUID.randomUUID();
        transition.evidenceId = evidence.id;
        transition.version = evidence.version;
        transition.state = evidence.state;
        transition.actor = actor.name();
        transition.organisation = actor.organisation().orElse(null);
        transition.at = evidence.updatedAt;
        transition.reason = reason;
        transition.persist();
        return transition;
    }

    public static List<EvidenceTransition> of(UUID evidenceId) {
        return list("evidenceId = ?1 order by version", evidenceId);
    }

    /** The histories of many pieces of evidence in one query. */
    public static Map<UUID, List<EvidenceTransition>> of(Collection<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        return EvidenceTransition.<EvidenceTransition> list("evidenceId in ?1 order by version", evidenceIds).stream()
                .collect(Collectors.groupingBy(transition -> transition.evidenceId));
    }
}
