package org.rectrack.evidence;

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

import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;

/** One state evidence entered, with who moved it there, when and why; written once, never changed. */
@Entity
@Table(name = "evidence_transition")
public class EvidenceTransition extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "evidence_id", nullable = false)
    private UUID evidenceId;

    /** The evidence's aggregate version this transition made; unique per evidence, so no version is made twice. */
    @Column(nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvidenceState state;

    @Column(nullable = false)
    private String actor;

    private String organisation;

    @Column(nullable = false)
    private Instant at;

    private String reason;

    /** For Hibernate only: a step is recorded by the evidence that makes it. */
    protected EvidenceTransition() {
    }

    /** Records the state the evidence has just entered, at its version and time; {@link Evidence} alone calls it. */
    static EvidenceTransition record(Evidence evidence, Actor actor, String reason) {
        EvidenceTransition transition = new EvidenceTransition();
        transition.id = UUID.randomUUID();
        transition.evidenceId = evidence.id();
        transition.version = evidence.version();
        transition.state = evidence.state();
        transition.actor = actor.name();
        transition.organisation = actor.organisation().orElse(null);
        transition.at = evidence.updatedAt();
        transition.reason = reason;
        transition.persist();
        return transition;
    }

    /** The history of one piece of evidence, the first step first. */
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

    /** This step as the evidence's event carries it. */
    EvidenceChanged.Transition event() {
        return new EvidenceChanged.Transition(state, actor, organisation, at, reason);
    }

    /** This step as the contract's answer shows it. */
    EvidenceResponse.Transition response() {
        return new EvidenceResponse.Transition(state, actor, organisation, at, reason);
    }
}
