package org.rectrack.evidence.review;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.evidence.Actor;
import org.rectrack.evidence.Evidence;
import org.rectrack.evidence.EvidenceTransition;
import org.rectrack.evidence.ReviewAction;
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
     * Applies the transition ({@link Evidence#apply}) under a row lock, so concurrent transitions of the same
     * evidence run one after the other: the second sees the first's state and version, never the same ones.
     *
     * @return the evidence in its new state, with its history
     * @throws ProblemException 404 for no such evidence or evidence the actor may not see; 403 and 409 as
     *                          {@link Evidence#apply} says
     */
    @Transactional
    public EvidenceResponse apply(UUID id, ReviewAction action, String reason, Actor actor) {
        Evidence evidence = Evidence.<Evidence> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(actor::maySee)
                .orElseThrow(() -> ProblemException.notFound("evidence", id));
        evidence.apply(action, actor, reason);
        List<EvidenceTransition> history = evidence.history();
        events.evidenceChanged(evidence.changed(history), evidence.version());
        return evidence.response(history);
    }
}
