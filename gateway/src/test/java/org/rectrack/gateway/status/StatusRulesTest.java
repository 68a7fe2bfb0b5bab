package org.rectrack.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.events.evidence.Assessment.ADVANCES;
import static org.rectrack.events.evidence.Assessment.FULFILLS;
import static org.rectrack.events.evidence.Assessment.NO_PROGRESS;
import static org.rectrack.events.evidence.Assessment.SETBACK;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.gateway.status.StatusRules.Assessed;
import org.rectrack.gateway.status.StatusRules.Decision;

/** The status table of DESIGN.md: first match wins, over verified evidence ordered by the date of the action. */
class StatusRulesTest {

    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

    @Test
    void noVerifiedEvidenceIsNoEvidence() {
        Decision decision = StatusRules.decide(List.of());

        assertThat(decision.status()).isEqualTo(Status.NO_EVIDENCE);
        assertThat(decision.rule()).isEqualTo(StatusRule.NO_VERIFIED_EVIDENCE);
        assertThat(decision.evidenceIds()).isEmpty();
    }

    @Test
    void aLatestSetbackIsRegressedEvenAfterAFulfilment() {
        Assessed fulfils = on(DAY, FULFILLS);
        Assessed setback = on(DAY.plusDays(1), SETBACK);

        Decision decision = StatusRules.decide(List.of(setback, fulfils));

        assertThat(decision.status()).isEqualTo(Status.REGRESSED);
        assertThat(decision.rule()).isEqualTo(StatusRule.LATEST_IS_SETBACK);
        assertThat(decision.evidenceIds()).containsExactly(setback.evidenceId());
    }

    @Test
    void aSetbackFollowedByAFulfilmentIsImplemented() {
        Assessed setback = on(DAY, SETBACK);
        Assessed fulfils = on(DAY.plusDays(1), FULFILLS);

        Decision decision = StatusRules.decide(List.of(fulfils, setback));

        assertThat(decision.status()).isEqualTo(Status.IMPLEMENTED);
        assertThat(decision.evidenceIds()).containsExactly(fulfils.evidenceId());
    }

    @Test
    void someFulfilmentIsImplementedAndRestsOnEveryFulfilmentOldestFirst() {
        Assessed first = on(DAY, FULFILLS);
        Assessed advances = on(DAY.plusDays(1), ADVANCES);
        Assessed second = on(DAY.plusDays(2), FULFILLS);
        Assessed noProgress = on(DAY.plusDays(3), NO_PROGRESS);

        Decision decision = StatusRules.decide(List.of(noProgress, second, advances, first));

        assertThat(decision.status()).isEqualTo(Status.IMPLEMENTED);
        assertThat(decision.rule()).isEqualTo(StatusRule.SOME_FULFILS);
        assertThat(decision.evidenceIds()).containsExactly(first.evidenceId(), second.evidenceId());
    }

    @Test
    void someAdvanceWithoutFulfilmentIsInProgress() {
        Assessed noProgress = on(DAY, NO_PROGRESS);
        Assessed advances = on(DAY.plusDays(5), ADVANCES);

        Decision decision = StatusRules.decide(List.of(advances, noProgress));

        assertThat(decision.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(decision.rule()).isEqualTo(StatusRule.SOME_ADVANCES);
        assertThat(decision.evidenceIds()).containsExactly(advances.evidenceId());
    }

    @Test
    void onlyNoProgressIsNotStarted() {
        Assessed first = on(DAY, NO_PROGRESS);
        Assessed second = on(DAY.plusDays(1), NO_PROGRESS);

        Decision decision = StatusRules.decide(List.of(second, first));

        assertThat(decision.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(decision.rule()).isEqualTo(StatusRule.NOTHING_ADVANCES);
        assertThat(decision.evidenceIds()).containsExactly(first.evidenceId(), second.evidenceId());
    }

    @Test
    void anEarlierSetbackFollowedByNoProgressIsNotStarted() {
        Assessed setback = on(DAY, SETBACK);
        Assessed noProgress = on(DAY.plusDays(1), NO_PROGRESS);

        Decision decision = StatusRules.decide(List.of(noProgress, setback));

        assertThat(decision.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(decision.evidenceIds()).containsExactly(setback.evidenceId(), noProgress.evidenceId());
    }

    @Test
    void theLatestActionIsJudgedByItsLastDay() {
        Assessed setbackOnOneDay = on(DAY.plusDays(10), SETBACK);
        Assessed programmeEndingLater = new Assessed(UUID.randomUUID(), ADVANCES, DAY, DAY.plusDays(20), null);

        Decision decision = StatusRules.decide(List.of(setbackOnOneDay, programmeEndingLater));

        assertThat(decision.status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void onTheSameDayTheLaterVerificationIsTheLatest() {
        Instant morning = Instant.parse("2023-03-02T08:00:00Z");
        Assessed setback = new Assessed(UUID.randomUUID(), SETBACK, DAY, DAY, morning);
        Assessed advances = new Assessed(UUID.randomUUID(), ADVANCES, DAY, DAY, morning.plusSeconds(3600));

        assertThat(StatusRules.decide(List.of(setback, advances)).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(StatusRules.decide(List.of(advances, setback)).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void theOrderOfTheInputNeverChangesTheDecision() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Assessed> evidence = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                // Few distinct days, so ties are frequent.
                LocalDate day = DAY.plusDays(random.nextInt(3));
                evidence.add(new Assessed(UUID.randomUUID(), Assessment.values()[random.nextInt(4)], day, day,
                        random.nextBoolean() ? null : Instant.parse("2023-04-01T00:00:00Z").plusSeconds(random.nextInt(3))));
            }
            Decision first = StatusRules.decide(evidence);
            Collections.shuffle(evidence, random);
            assertThat(StatusRules.decide(evidence)).isEqualTo(first);
        }
    }

    /** Every sequence of up to four assessments on distinct days, against the table read row by row. */
    @Test
    void everyCombinationOfUpToFourAssessmentsFollowsTheTable() {
        int checked = 0;
        for (int size = 0; size <= 4; size++) {
            for (int code = 0; code < Math.pow(4, size); code++) {
                List<Assessment> sequence = new ArrayList<>();
                for (int i = 0, rest = code; i < size; i++, rest /= 4) {
                    sequence.add(Assessment.values()[rest % 4]);
                }
                List<Assessed> evidence = new ArrayList<>();
                for (int i = 0; i < sequence.size(); i++) {
                    evidence.add(on(DAY.plusDays(i), sequence.get(i)));
                }
                Decision decision = StatusRules.decide(evidence);
                assertThat(decision.status()).as("%s", sequence).isEqualTo(expected(sequence));
                assertThat(decision.rule().status()).isEqualTo(decision.status());
                assertThat(evidence.stream().map(Assessed::evidenceId)).as("%s rests on its evidence", sequence)
                        .containsAll(decision.evidenceIds());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1 + 4 + 16 + 64 + 256);
    }

    /** The DESIGN.md table, written as plainly as it reads, for a sequence in the order of the actions. */
    private static Status expected(List<Assessment> sequence) {
        if (sequence.isEmpty()) {
            return Status.NO_EVIDENCE;
        }
        if (sequence.getLast() == SETBACK) {
            return Status.REGRESSED;
        }
        if (sequence.contains(FULFILLS)) {
            return Status.IMPLEMENTED;
        }
        if (sequence.contains(ADVANCES)) {
            return Status.IN_PROGRESS;
        }
        return Status.NOT_STARTED;
    }

    private static Assessed on(LocalDate day, Assessment assessment) {
        return new Assessed(UUID.randomUUID(), assessment, day, day, day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }
}
