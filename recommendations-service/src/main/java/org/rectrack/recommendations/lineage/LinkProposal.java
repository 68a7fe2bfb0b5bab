package org.rectrack.recommendations.lineage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.rectrack.api.recommendations.LineageProposalResponse.State;
import org.rectrack.platform.problem.ProblemException;

/**
 * One stored lineage proposal (table {@code lineage_proposal}): a new recommendation likely continues an earlier one.
 * It owns its decision: {@link #accept} and {@link #reject} check the transition and record who and when.
 */
@Entity
@Table(name = "lineage_proposal")
public class LinkProposal extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "recommendation_id", nullable = false)
    UUID recommendationId;

    @Column(name = "continues_from_id", nullable = false)
    UUID continuesFromId;

    @Column(nullable = false)
    String country;

    @Column(nullable = false)
    int year;

    @Column(nullable = false)
    double similarity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    State state;

    @Column(name = "proposed_at", nullable = false)
    Instant proposedAt;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Column(name = "decided_by")
    String decidedBy;

    /**
     * Accepts the proposal: the caller links the recommendation in the same transaction. Accepting an accepted one
     * changes nothing; a rejected one may be accepted after all (an admin changed their mind).
     *
     * @return whether the proposal changed
     */
    boolean accept(String actor, Instant now) {
        if (state == State.ACCEPTED) {
            return false;
        }
        state = State.ACCEPTED;
        decidedBy = actor;
        decidedAt = now;
        return true;
    }

    /**
     * Rejects the proposal: it is kept, so that no import proposes the pair again. Rejecting a rejected one changes
     * nothing.
     *
     * @throws ProblemException 409 for an accepted proposal: its link stands until it is removed
     *                          ({@code DELETE /recommendations/{id}/continues-from})
     */
    void reject(String actor, Instant now) {
        if (state == State.REJECTED) {
            return;
        }
        if (state == State.ACCEPTED) {
            throw ProblemException.conflict("lineage proposal " + id + " was accepted by " + decidedBy + ": remove the"
                    + " link with DELETE /recommendations/" + recommendationId + "/continues-from instead");
        }
        state = State.REJECTED;
        decidedBy = actor;
        decidedAt = now;
    }
}
