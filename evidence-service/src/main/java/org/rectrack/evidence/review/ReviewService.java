package org.rectrack.evidence.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.evidence.Actor;
import org.rectrack.evidence.Evidence;
import org.rectrack.evidence.api.EvidenceResponses;
import org.rectrack.evidence.publishing.EvidenceEvents;
import org.rectrack.platform.problem.ProblemException;

/** Moves evidence through the review workflow; every transition is one new aggregate version, history row and event. */
@ApplicationScoped
public class ReviewService {

    private final EvidenceEvents events;

    ReviewService(EvidenceEvents events) {
        this.events = events;
    }

    /**
     * Applies the transition under a row lock, so concurrent transitions of the same evidence run one
     * after the other: the second sees the first's state and version, never the same ones.
     */
    @Transactional
    public EvidenceResponse apply(UUID id, ReviewAction action, String reason, Actor actor) {
        Evidence evidence = Evidence.<Evidence> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(actor::maySee)
                .orElseThrow(() -> ProblemException.notFound("evidence", id));
        if (action == ReviewAction.RETRACT && !actor.owns(evidence)) {
            throw ProblemException.forbidden("only the organisation that submitted evidence may retract it");
        }
        if (!action.allowedFrom(evidence.state)) {
            throw ProblemException.conflict("the evidence is " + evidence.state + "; it can be "
                    + action.target().name().toLowerCase(Locale.ROOT) + " only while " + action.from());
        }
        evidence.state = action.target();
        evidence.version++;
        evidence.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EvidenceTransition.record(evidence, actor, reason);
        List<EvidenceTransition> history = EvidenceTransition.of(id);
        events.evidenceChanged(evidence, history);
        return EvidenceResponses.of(evidence, history);
    }
}
