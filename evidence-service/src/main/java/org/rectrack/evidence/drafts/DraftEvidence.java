package org.rectrack.evidence.drafts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.rectrack.api.evidence.ActionPeriod;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.LinkRequest;
import org.rectrack.api.evidence.Metric;
import org.rectrack.api.evidence.Sex;
import org.rectrack.api.evidence.SubmitEvidenceRequest;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.evidence.Actor;
import org.rectrack.evidence.EvidenceService;
import org.rectrack.evidence.MetricUnits;
import org.rectrack.evidence.replica.AfterRecommendations;
import org.rectrack.evidence.replica.KnownRecommendation;
import org.rectrack.platform.problem.ProblemException;

/**
 * Records each proposed draft as SUBMITTED public evidence of origin ADMIN, shown under
 * {@link Actor#REPORT_IMPORT} with the proposing admin as submitter: once per draft id (the inbox records the
 * draft's version 1 in the same transaction as the evidence), so a draft proposed or delivered again changes
 * nothing.
 *
 * <p>A draft whose recommendation this service does not know goes to the dead-letter topic with that reason: the
 * recommendation's creation comes before the draft on the same partition, so unknown here means never announced,
 * not "not yet". So does a draft the evidence rules refuse (a withdrawn recommendation, a field out of bounds),
 * with the rule's words. A figure whose kind and unit this service cannot record is left out, and the draft goes
 * without it: its quote still states it.
 */
@ApplicationScoped
public class DraftEvidence implements AfterRecommendations {

    private final EventInbox inbox;
    private final EvidenceService evidence;
    private final Validator validator;

    DraftEvidence(EventInbox inbox, EvidenceService evidence, Validator validator) {
        this.inbox = inbox;
        this.evidence = evidence;
        this.validator = validator;
    }

    @Override
    public boolean follows(EventEnvelope<?> event) {
        return event.data() instanceof EvidenceProposed;
    }

    @Override
    public void apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof EvidenceProposed draft)) {
            return;
        }
        check(event, draft);
        SubmitEvidenceRequest request = request(draft);
        Set<ConstraintViolation<SubmitEvidenceRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("draft " + draft.id() + " cannot be evidence: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        Actor admin = new Actor(draft.proposedBy(), Optional.of(Actor.REPORT_IMPORT), Origin.ADMIN, false, false);
        boolean applied;
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> {
                if (KnownRecommendation.findByIdOptional(draft.recommendationId()).isEmpty()) {
                    throw new MalformedEventException("draft " + draft.id() + " names recommendation "
                            + draft.recommendationId() + ", which the recommendations topic never announced before it");
                }
                return inbox.applyOnce(event, () -> evidence.submit(request, admin, Optional.empty()));
            });
        } catch (ProblemException refused) {
            throw new MalformedEventException("draft " + draft.id() + " was refused as evidence: " + refused.getMessage());
        }
        Log.debugf("%s draft evidence %s about recommendation %s", applied ? "Recorded" : "Ignored already recorded",
                draft.id(), draft.recommendationId());
    }

    /** What the codec cannot know: the draft is the aggregate the envelope names, of its only version. */
    private static void check(EventEnvelope<?> event, EvidenceProposed draft) {
        if (!event.aggregateId().equals(draft.id()) || event.aggregateVersion() != 1) {
            throw new MalformedEventException("draft " + draft.id() + " came as version " + event.aggregateVersion()
                    + " of " + event.aggregateId() + ": a draft is version 1 of itself");
        }
        if (draft.recommendationId() == null || draft.assessment() == null || draft.source() == null
                || draft.actionFrom() == null || draft.actionTo() == null || draft.proposedBy() == null) {
            throw new MalformedEventException("draft " + draft.id() + " lacks its recommendation, assessment, source,"
                    + " action period or proposer");
        }
    }

    /** The draft as a submission: public, about its one recommendation, over its action period, with its figures. */
    private static SubmitEvidenceRequest request(EvidenceProposed draft) {
        EvidenceChanged.Source source = draft.source();
        return new SubmitEvidenceRequest(List.of(new LinkRequest(draft.recommendationId(), draft.assessment())), null,
                new ActionPeriod(draft.actionFrom(), draft.actionTo()), draft.summary(), draft.language(),
                new Citation(source.title(), source.publisher(), source.url(), source.documentReference(),
                        source.publishedOn(), source.quote()),
                recordable(draft), Visibility.PUBLIC);
    }

    private static List<Metric> recordable(EvidenceProposed draft) {
        List<Metric> metrics = new ArrayList<>();
        for (EvidenceChanged.Metric figure : draft.metrics()) {
            Optional<String> problem = MetricUnits.unitProblem(figure.kind(), figure.unit())
                    .or(() -> MetricUnits.valueProblem(figure.kind(), figure.value()))
                    .or(() -> sexProblem(figure.sex()));
            if (problem.isPresent()) {
                Log.infof("Draft evidence %s: the figure %s %s %s is left out (%s)", draft.id(), figure.value(),
                        figure.unit(), figure.kind(), problem.get());
            } else {
                metrics.add(new Metric(figure.kind(), figure.value(), figure.unit(),
                        figure.sex() == null ? null : Sex.valueOf(figure.sex()), figure.ageGroup(), figure.year()));
            }
        }
        return metrics;
    }

    private static Optional<String> sexProblem(String sex) {
        boolean known = sex == null || Arrays.stream(Sex.values()).anyMatch(value -> value.name().equals(sex));
        return known ? Optional.empty() : Optional.of("no sex " + sex + " is known");
    }
}
