package org.rectrack.recommendations.drafts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.rectrack.api.recommendations.UnmatchedFindingResponse;
import org.rectrack.events.EventType;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.drafts.api.DraftsProposed;
import org.rectrack.recommendations.publishing.RecommendationEvents;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;

/**
 * Proposes draft evidence to the evidence-service as events ({@link EventType#EVIDENCE_PROPOSED}), in the caller's
 * transaction, and keeps what names no recommendation as unmatched findings for an admin to attach later.
 *
 * <p>Each draft bears on one recommendation and is keyed on the recommendations topic by it: the evidence-service
 * reads the topic's partitions in order, so it has applied that recommendation's creation before the draft, without
 * waiting or asking (see {@link RecommendationEvents#evidenceProposed}). A draft's id is derived from
 * what it is, and a draft is written only if its id is new ({@code proposed_draft}): proposing it again, by a
 * re-import or a second attach, proposes nothing.
 */
@ApplicationScoped
public class DraftProposals {

    private final RecommendationEvents events;
    private final EntityManager entityManager;

    DraftProposals(RecommendationEvents events, EntityManager entityManager) {
        this.events = events;
        this.entityManager = entityManager;
    }

    /** A finding of a report's narrative and the recommendation it bears on, if it names one. */
    public record Draft(Finding finding, Optional<UUID> recommendationId) {
    }

    /**
     * Where the findings that name no recommendation belong: the year of the report they bear on, and why they name
     * none of its recommendations.
     */
    public record Unmatched(int year, String reason) {
    }

    /**
     * Proposes a report's drafts: each naming a recommendation as an event, each other one kept as an unmatched
     * finding. Runs in the caller's transaction, the one that writes the report.
     *
     * @param reportId  the report whose narrative the drafts are read from, written in this transaction
     * @param drafts    the narrative's drafts, in its order
     * @param unmatched the year and reason for those that name no recommendation
     * @param actor     the admin importing the report (token subject)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DraftsProposed propose(UUID reportId, List<Draft> drafts, Unmatched unmatched, String actor) {
        Report report = Report.<Report> findByIdOptional(reportId)
                .orElseThrow(() -> new IllegalStateException("report " + reportId + " is not written"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> proposed = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.recommendationId().isPresent()) {
                UUID recommendation = draft.recommendationId().get();
                UUID id = derivedId("report", report.id(), recommendation, draft.finding());
                if (propose(id, report, recommendation, null, draft.finding(), actor, now)) {
                    proposed.add(id);
                }
            } else {
                UUID id = derivedId("finding", report.id(), null, draft.finding());
                if (keep(id, report, draft.finding(), unmatched, now)) {
                    kept.add(id);
                }
            }
        }
        return new DraftsProposed(proposed.size(), proposed, kept.size(), kept);
    }

    /**
     * Attaches an unmatched finding to the recommendations it bears on: one draft each, proposed as an import's
     * are. Attaching it again to a recommendation it is attached to proposes nothing.
     *
     * @throws ProblemException 404 for no such finding; 422 naming each recommendation that does not exist, is
     *                          withdrawn or is of another country
     */
    @Transactional
    public UnmatchedFindingResponse attach(UUID findingId, List<UUID> recommendationIds, String actor) {
        UnmatchedFinding finding = UnmatchedFinding.<UnmatchedFinding> findByIdOptional(findingId)
                .orElseThrow(() -> ProblemException.notFound("unmatched finding", findingId));
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(recommendationIds));
        List<FieldError> errors = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "recommendationIds[" + i + "]";
            Optional<Recommendation> found = Recommendation.findByIdOptional(ids.get(i));
            if (found.isEmpty()) {
                errors.add(new FieldError(field, "no recommendation with id " + ids.get(i)));
            } else if (found.get().state() == RecommendationState.WITHDRAWN) {
                errors.add(new FieldError(field, found.get().code() + " is withdrawn and takes no new evidence"));
            } else if (!found.get().report().country().equals(finding.country)) {
                errors.add(new FieldError(field, found.get().code() + " is not about " + finding.country
                        + ", which the finding is about"));
            } else {
                recommendations.add(found.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "unprocessable", "Request cannot be processed",
                    ProblemException.detail(errors), errors);
        }
        Report report = Report.findById(finding.reportId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Recommendation recommendation : recommendations) {
            UUID id = derivedId("attached", finding.id, recommendation.id(), finding.finding());
            propose(id, report, recommendation.id(), finding.id, finding.finding(), actor, now);
        }
        return finding.response(attachedTo(List.of(finding.id)).getOrDefault(finding.id, List.of()));
    }

    /** Newest report first, then in the narrative's order; optionally of one country and one year borne on. */
    @Transactional
    public Page<UnmatchedFindingResponse> list(Optional<String> country, Optional<Integer> year, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        country.ifPresent(value -> {
            where.append(" and country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and year = :year");
            parameters.and("year", value);
        });
        var query = UnmatchedFinding.<UnmatchedFinding> find(where + " order by reportYear desc, keptAt, quote, id",
                parameters);
        List<UnmatchedFinding> findings = query.page(page.page(), page.size()).list();
        Map<UUID, List<UUID>> attached = attachedTo(findings.stream().map(finding -> finding.id).toList());
        return Page.of(findings.stream()
                .map(finding -> finding.response(attached.getOrDefault(finding.id, List.of())))
                .toList(), page, query.count());
    }

    @Transactional
    public Optional<UnmatchedFindingResponse> find(UUID id) {
        return UnmatchedFinding.<UnmatchedFinding> findByIdOptional(id)
                .map(finding -> finding.response(attachedTo(List.of(id)).getOrDefault(id, List.of())));
    }

    /** The findings that bear on a publisher's report on a country of a year, for an import of that report. */
    @Transactional
    public List<UnmatchedFinding> about(String publisher, String country, int year) {
        return UnmatchedFinding.list("publisher = ?1 and country = ?2 and year = ?3 order by keptAt, quote, id",
                publisher, country, year);
    }

    private static Map<UUID, List<UUID>> attachedTo(List<UUID> findings) {
        if (findings.isEmpty()) {
            return Map.of();
        }
        return ProposedDraft.<ProposedDraft> list("findingId in ?1 order by proposedAt, recommendationId", findings)
                .stream()
                .collect(Collectors.groupingBy(draft -> draft.findingId,
                        Collectors.mapping(draft -> draft.recommendationId, Collectors.toList())));
    }

    /** Writes the draft and its event unless a draft of this id was proposed before; whether it was written. */
    private boolean propose(UUID id, Report report, UUID recommendation, UUID finding, Finding what, String actor,
            Instant now) {
        // One statement checks and claims the id, so two concurrent proposals of one draft cannot both write it.
        int written = entityManager.createNativeQuery("""
                insert into proposed_draft (id, recommendation_id, report_id, finding_id, proposed_by, proposed_at)
                values (:id, :recommendation, :report, :finding, :actor, :now)
                on conflict (id) do nothing
                """)
                .setParameter("id", id)
                .setParameter("recommendation", recommendation)
                .setParameter("report", report.id())
                .setParameter("finding", finding)
                .setParameter("actor", actor)
                .setParameter("now", now)
                .executeUpdate();
        if (written == 0) {
            return false;
        }
        events.evidenceProposed(event(id, report, recommendation, finding, what, actor, now), recommendation);
        return true;
    }

    private boolean keep(UUID id, Report report, Finding what, Unmatched unmatched, Instant now) {
        if (UnmatchedFinding.findByIdOptional(id).isPresent()) {
            return false;
        }
        UnmatchedFinding finding = new UnmatchedFinding();
        finding.id = id;
        finding.reportId = report.id();
        finding.publisher = report.publisher();
        finding.country = report.country();
        finding.year = unmatched.year();
        finding.reportYear = report.year();
        finding.quote = what.quote();
        finding.pillar = what.pillar();
        finding.assessment = what.assessment();
        finding.actionYear = what.actionYear();
        finding.metrics = new ArrayList<>(what.metrics());
        finding.reason = unmatched.reason();
        finding.keptAt = now;
        finding.persist();
        return true;
    }

    /**
     * The evidence a draft proposes: its quote as summary and citation, the report as source, the calendar year of
     * the action as its period (up to today), its figures, in English.
     */
    static EvidenceProposed event(UUID id, Report report, UUID recommendation, UUID finding, Finding what,
            String actor, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate to = min(LocalDate.of(what.actionYear(), 12, 31), today);
        LocalDate from = min(LocalDate.of(what.actionYear(), 1, 1), to);
        String title = report.title() == null || report.title().isBlank()
                ? report.year() + " report on " + report.country()
                : report.title();
        EvidenceChanged.Source source = new EvidenceChanged.Source(title, report.publisher(), report.sourceUrl(),
                "rectrack report " + report.id(), report.publishedOn(), what.quote());
        return new EvidenceProposed(id, recommendation, what.assessment(), report.id(), finding, from, to, what.quote(),
                "en", source, what.metrics(), actor, now);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /** A name-based UUID (RFC 9562 version 3) of where the draft comes from and what it says. */
    static UUID derivedId(String kind, UUID from, UUID recommendation, Finding finding) {
        String name = "rectrack draft evidence|" + kind + "|" + from + "|" + recommendation + "|" + finding.content();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
