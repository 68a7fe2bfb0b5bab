package org.rectrack.evidence;

import java.util.EnumSet;
import java.util.Set;

import org.rectrack.events.evidence.EvidenceState;

/**
 * The transitions of the review workflow and the states each may start from. Reviewers decide on
 * submitted evidence once; the submitting organisation may retract evidence that still counts or may
 * come to count. Rejected and retracted evidence stays as it is, with its history.
 *
 * <p>The rule of the evidence's states, beside the entity that applies it ({@link Evidence#apply}): the states
 * themselves ({@link EvidenceState}) are the event schema's, shared with every consumer, the rule is this service's.
 */
public enum ReviewAction {
    VERIFY(EvidenceState.VERIFIED, EnumSet.of(EvidenceState.SUBMITTED)),
    REJECT(EvidenceState.REJECTED, EnumSet.of(EvidenceState.SUBMITTED)),
    RETRACT(EvidenceState.RETRACTED, EnumSet.of(EvidenceState.SUBMITTED, EvidenceState.VERIFIED));

    private final EvidenceState target;
    private final Set<EvidenceState> from;

    ReviewAction(EvidenceState target, Set<EvidenceState> from) {
        this.target = target;
        this.from = from;
    }

    public EvidenceState target() {
        return target;
    }

    public boolean allowedFrom(EvidenceState state) {
        return from.contains(state);
    }

    public Set<EvidenceState> from() {
        return from;
    }
}
