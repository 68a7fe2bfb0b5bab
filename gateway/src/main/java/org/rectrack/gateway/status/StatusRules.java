package org.rectrack.gateway.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.rectrack.events.evidence.Assessment;

/**
 * The status rules of DESIGN.md, as a pure function of the verified evidence on one recommendation. The
 * evidence is ordered by the date of the action: its last day, then its first day, then when it was verified,
 * then its id, so that equal dates still give one order and the same answer every time. Every decision names
 * the rule that fired and the evidence it rests on.
 */
public final class StatusRules {

    /** Verified evidence as the rules see it: how it bears on this recommendation, and when the action was. */
    public record Assessed(UUID evidenceId, Assessment assessment, LocalDate actionFrom, LocalDate actionTo,
            Instant verifiedAt) {

        public Assessed {
            Objects.requireNonNull(evidenceId, "evidenceId");
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(actionFrom, "actionFrom");
            Objects.requireNonNull(actionTo, "actionTo");
        }
    }

    /** The status, the rule that decided it, and the evidence it rests on, oldest action first. */
    public record Decision(Status status, StatusRule rule, List<UUID> evidenceIds) {
    }

    /**
     * Oldest action first; see the class comment for ties. Written out rather than chained from key extractors: a
     * country's statuses sort thousands of pieces of evidence, and the chain's lambdas and method handles are not
     * inlined by C1, the only compiler the services run with: sorting took a seventh of a compliance report's JVM
     * time.
     */
    public static final Comparator<Assessed> BY_ACTION_DATE = (a, b) -> {
        int order = a.actionTo().compareTo(b.actionTo());
        if (order == 0) {
            order = a.actionFrom().compareTo(b.actionFrom());
        }
        if (order == 0 && a.verifiedAt() != b.verifiedAt()) {
            order = a.verifiedAt() == null ? -1 : b.verifiedAt() == null ? 1 : a.verifiedAt().compareTo(b.verifiedAt());
        }
        return order != 0 ? order : a.evidenceId().compareTo(b.evidenceId());
    };

    private StatusRules() {
    }

    /** Decides the status from the verified evidence on one recommendation (only verified evidence counts). */
    public static Decision decide(List<Assessed> verified) {
        List<Assessed> ordered = verified.stream().sorted(BY_ACTION_DATE).toList();
        if (ordered.isEmpty()) {
            return new Decision(StatusRule.NO_VERIFIED_EVIDENCE.status(), StatusRule.NO_VERIFIED_EVIDENCE, List.of());
        }
        Assessed latest = ordered.getLast();
        if (latest.assessment() == Assessment.SETBACK) {
            return new Decision(StatusRule.LATEST_IS_SETBACK.status(), StatusRule.LATEST_IS_SETBACK,
                    List.of(latest.evidenceId()));
        }
        List<UUID> fulfils = idsOf(ordered, Assessment.FULFILLS);
        if (!fulfils.isEmpty()) {
            return new Decision(StatusRule.SOME_FULFILS.status(), StatusRule.SOME_FULFILS, fulfils);
        }
        List<UUID> advances = idsOf(ordered, Assessment.ADVANCES);
        if (!advances.isEmpty()) {
            return new Decision(StatusRule.SOME_ADVANCES.status(), StatusRule.SOME_ADVANCES, advances);
        }
        return new Decision(StatusRule.NOTHING_ADVANCES.status(), StatusRule.NOTHING_ADVANCES,
                ordered.stream().map(Assessed::evidenceId).toList());
    }

    private static List<UUID> idsOf(List<Assessed> ordered, Assessment assessment) {
        return ordered.stream().filter(item -> item.assessment() == assessment).map(Assessed::evidenceId).toList();
    }
}
