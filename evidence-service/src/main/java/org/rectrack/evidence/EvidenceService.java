package org.rectrack.evidence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.api.evidence.LinkRequest;
import org.rectrack.api.evidence.Metric;
import org.rectrack.api.evidence.SubmitEvidenceRequest;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.evidence.idempotency.IdempotencyKeys;
import org.rectrack.evidence.publishing.EvidenceEvents;
import org.rectrack.evidence.replica.KnownRecommendation;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.LanguageTag;

/** Records evidence and answers questions about it, showing each caller only what it may see. */
@ApplicationScoped
public class EvidenceService {

    /** The earliest time zone's offset: a date that is today anywhere on Earth is not in the future. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final EvidenceEvents events;
    private final IdempotencyKeys idempotencyKeys;

    EvidenceService(EvidenceEvents events, IdempotencyKeys idempotencyKeys) {
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** The outcome of a submission: the evidence, and whether it was created before under the same key. */
    public record Submission(EvidenceResponse evidence, boolean replayed) {
    }

    /**
     * Records evidence for the submitter's organisation (see {@link Actor#submitter}). With an idempotency key, a
     * retry of the same request answers what the first one answered and creates nothing.
     */
    @Transactional
    public Submission submit(SubmitEvidenceRequest request, Actor submitter, Optional<String> idempotencyKey) {
        String organisation = submitter.organisation().orElseThrow(() -> ProblemException.forbidden(
                "your token names no organisation (claim 'org'); evidence is always recorded for one"));
        checkFields(request);
        if (idempotencyKey.isPresent()) {
            Optional<EvidenceResponse> earlier = idempotencyKeys.claim(submitter.origin(), organisation,
                    idempotencyKey.get(), request, EvidenceResponse.class);
            if (earlier.isPresent()) {
                return new Submission(earlier.get(), true);
            }
        }
        checkRecommendations(request.recommendations());

        Evidence evidence = Evidence.submit(organisation, submitter,
                request.recommendations().stream()
                        .map(link -> new Evidence.Link(link.recommendationId(), link.assessment()))
                        .toList(),
                request.actionDate() != null ? request.actionDate() : request.actionPeriod().from(),
                request.actionDate() != null ? request.actionDate() : request.actionPeriod().to(),
                request.summary(),
                LanguageTag.Validator.canonical(request.language()),
                citation(request.source()),
                orEmpty(request.metrics()).stream().map(EvidenceService::metric).toList(),
                request.visibility());
        List<EvidenceTransition> history = evidence.history();
        events.evidenceChanged(evidence.changed(history), evidence.version());

        EvidenceResponse response = evidence.response(history);
        idempotencyKey.ifPresent(key ->
                idempotencyKeys.complete(submitter.origin(), organisation, key, evidence.id(), response));
        return new Submission(response, false);
    }

    /** The evidence, if it exists and the reader may see it: to anyone else it does not exist. */
    @Transactional
    public Optional<EvidenceResponse> find(UUID id, Actor reader) {
        return Evidence.<Evidence> findByIdOptional(id)
                .filter(reader::maySee)
                .map(evidence -> evidence.response(evidence.history()));
    }

    /** Newest first; restricted evidence of other organisations is left out unless the reader sees it all. */
    @Transactional
    public Page<EvidenceResponse> list(Optional<UUID> recommendationId, Optional<EvidenceState> state,
            Optional<String> organisation, Actor reader, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        recommendationId.ifPresent(value -> {
            where.append(" and exists (select 1 from Evidence e join e.recommendations link"
                    + " where e.id = evidence.id and link.recommendationId = :recommendationId)");
            parameters.and("recommendationId", value);
        });
        state.ifPresent(value -> {
            where.append(" and evidence.state = :state");
            parameters.and("state", value);
        });
        organisation.ifPresent(value -> {
            where.append(" and evidence.organisation = :submitter");
            parameters.and("submitter", value);
        });
        if (!reader.seesRestricted()) {
            // Public evidence, and the reader's own as Actor#owns says: never by the organisation's name alone.
            parameters.and("public", Visibility.PUBLIC);
            if (reader.origin() == Origin.ORGANISATION && reader.organisation().isPresent()) {
                where.append(" and (evidence.visibility = :public"
                        + " or (evidence.origin = :owned and evidence.organisation = :organisation))");
                parameters.and("owned", Origin.ORGANISATION).and("organisation", reader.organisation().get());
            } else {
                where.append(" and evidence.visibility = :public");
            }
        }
        var query = Evidence.<Evidence> find("from Evidence evidence where " + where
                + " order by evidence.createdAt desc, evidence.id", parameters);
        List<Evidence> evidence = query.page(page.page(), page.size()).list();
        Map<UUID, List<EvidenceTransition>> histories = EvidenceTransition.of(evidence.stream().map(Evidence::id).toList());
        return Page.of(evidence.stream()
                .map(e -> e.response(histories.getOrDefault(e.id(), List.of())))
                .toList(), page, query.count());
    }

    /** Rules that need more than one field, or today's date, to check; each error names its field. */
    private static void checkFields(SubmitEvidenceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(EARLIEST_ZONE);
        if (request.actionDate() == null && request.actionPeriod() == null) {
            errors.add(new FieldError("actionDate", "the day of the action (or an actionPeriod) is required"));
        } else if (request.actionDate() != null && request.actionPeriod() != null) {
            errors.add(new FieldError("actionPeriod", "give either actionDate or actionPeriod, not both"));
        } else if (request.actionDate() != null) {
            notInFuture("actionDate", request.actionDate(), today, errors);
        } else {
            notInFuture("actionPeriod.from", request.actionPeriod().from(), today, errors);
            notInFuture("actionPeriod.to", request.actionPeriod().to(), today, errors);
            if (request.actionPeriod().to().isBefore(request.actionPeriod().from())) {
                errors.add(new FieldError("actionPeriod.to", "must not be before actionPeriod.from"));
            }
        }
        notInFuture("source.publishedOn", request.source().publishedOn(), today, errors);

        Set<UUID> linked = new HashSet<>();
        for (int i = 0; i < request.recommendations().size(); i++) {
            if (!linked.add(request.recommendations().get(i).recommendationId())) {
                errors.add(new FieldError("recommendations[" + i + "].recommendationId", "is listed twice"));
            }
        }
        List<Metric> metrics = orEmpty(request.metrics());
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            String field = "metrics[" + i + "].";
            MetricUnits.unitProblem(metric.kind(), metric.unit())
                    .ifPresent(message -> errors.add(new FieldError(field + "unit", message)));
            MetricUnits.valueProblem(metric.kind(), metric.value())
                    .ifPresent(message -> errors.add(new FieldError(field + "value", message)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today, List<FieldError> errors) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }

    /**
     * Evidence only for recommendations the replica knows and that still take evidence: 422 otherwise. An unknown
     * one has its own problem type, because it may be a recommendation published a moment ago that the replica
     * has not applied yet: a client (the gateway handing over an import's drafts) may try again shortly.
     */
    private static void checkRecommendations(List<LinkRequest> links) {
        List<FieldError> errors = new ArrayList<>();
        boolean unknown = false;
        for (int i = 0; i < links.size(); i++) {
            UUID id = links.get(i).recommendationId();
            String field = "recommendations[" + i + "].recommendationId";
            Optional<KnownRecommendation> known = KnownRecommendation.findByIdOptional(id);
            if (known.isEmpty()) {
                unknown = true;
                errors.add(new FieldError(field, "no recommendation with id " + id + " is known"));
            } else if (known.get().state == RecommendationState.WITHDRAWN) {
                errors.add(new FieldError(field, known.get().code + " is withdrawn and takes no new evidence"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = ProblemException.detail(errors);
            throw unknown
                    ? new ProblemException(422, "unknown-recommendation", "Unknown recommendation", detail, errors)
                    : new ProblemException(422, "unprocessable", "Request cannot be processed", detail, errors);
        }
    }

    private static Evidence.Citation citation(Citation request) {
        return new Evidence.Citation(request.title(), request.publisher(), request.url(), request.documentReference(),
                request.publishedOn(), request.quote());
    }

    private static Evidence.Metric metric(Metric request) {
        return new Evidence.Metric(request.kind(), request.value(), request.unit(),
                request.sex() == null ? null : request.sex().name(), request.ageGroup(), request.year());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
