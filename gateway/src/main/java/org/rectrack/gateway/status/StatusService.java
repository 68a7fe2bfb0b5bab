package org.rectrack.gateway.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.gateway.readmodel.EvidenceSnapshot;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.RecommendationVersion;
import org.rectrack.gateway.readmodel.ReportVersion;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.RecommendationStatus.EvidenceItem;
import org.rectrack.gateway.status.RecommendationStatus.LineageStep;
import org.rectrack.gateway.status.RecommendationStatus.ReportRef;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;

/**
 * The status of recommendations, explained, in a {@link TimeFrame} ({@code asOf} a day in the world, {@code knownAt} an
 * instant in the system), for one viewer: what the API serves and what a year-end compliance report is made of. Only
 * what the viewer may see counts: the status is computed from the evidence visible to it, so that the answer never
 * reveals restricted evidence it may not see.
 *
 * <p>Evidence counts for the recommendation it is linked to: a recommendation repeated from an earlier year starts
 * from its own evidence, and shows the earlier ones as its lineage ("outstanding since" the first year).
 *
 * <p>Each answer is computed with a fixed number of queries, however many recommendations it holds: the
 * recommendations, their reports, the evidence on them, and, when one of them continues an earlier year's, the
 * country's recommendations for the lineage.
 */
@ApplicationScoped
public class StatusService {

    /** A lineage longer than this is a loop in the data, not a history. */
    private static final int MAX_LINEAGE = 50;

    private final ReadModel readModel;

    StatusService(ReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * Every recommendation every report on the country made, of every year, oldest year first and in rank order
     * within a year, each with its status.
     */
    @Transactional
    public List<RecommendationStatus> forCountry(String country, TimeFrame frame, Viewer viewer) {
        List<RecommendationVersion> recommendations = readModel.recommendations(country, frame);
        // Every one a lineage can step to is among them: no second look at the country's.
        return statuses(recommendations, byId(recommendations), frame,
                visible(ids(recommendations), frame, viewer), Set.of());
    }

    /**
     * As {@link #forCountry} for a viewer who may see everything (an auditor), each status listing only its verified
     * evidence and counting the submitted as pending: the one pass a year-end compliance report is made from, read
     * without the evidence it does not list (see {@link ReadModel#verifiedEvidenceOn}).
     */
    @Transactional
    public List<RecommendationStatus> forCountryListingVerified(String country, TimeFrame frame) {
        List<RecommendationVersion> recommendations = readModel.recommendations(country, frame);
        ReadModel.VerifiedEvidence evidence = readModel.verifiedEvidenceOn(ids(recommendations), frame);
        return statuses(recommendations, byId(recommendations), frame,
                new Counted(byRecommendation(evidence.verified()), evidence.submitted()), Set.of());
    }

    /** The recommendations of one report, in rank order, each with its status. */
    @Transactional
    public List<RecommendationStatus> ofReport(UUID reportId, TimeFrame frame, Viewer viewer) {
        return statuses(readModel.recommendationsOf(reportId, frame), frame, viewer);
    }

    /** One recommendation with its status, if it counts in the frame. */
    @Transactional
    public Optional<RecommendationStatus> of(UUID id, TimeFrame frame, Viewer viewer) {
        return readModel.recommendation(id, frame)
                .map(recommendation -> statuses(List.of(recommendation), frame, viewer).getFirst());
    }

    /** A recommendation's status now, and what it would be were one piece of evidence verified. */
    public record Outcome(RecommendationStatus now, RecommendationStatus ifVerified) {
    }

    /**
     * Each recommendation the evidence bears on (in the frame), with its status now and the status it would have were
     * this evidence verified: the same rules over the same visible evidence, with this one counted as verified. What a
     * reviewer weighs before deciding; nothing is written.
     *
     * @param evidenceId the evidence to count as verified (submitted, normally)
     * @param bearsOn    the recommendations it bears on
     * @return one outcome per recommendation that counts in the frame, in the order given
     */
    @Transactional
    public List<Outcome> ifVerified(UUID evidenceId, List<UUID> bearsOn, TimeFrame frame, Viewer viewer) {
        List<RecommendationVersion> recommendations = bearsOn.stream()
                .map(id -> readModel.recommendation(id, frame))
                .flatMap(Optional::stream)
                .toList();
        List<RecommendationStatus> now = statuses(recommendations, frame, viewer, Set.of());
        List<RecommendationStatus> then = statuses(recommendations, frame, viewer, Set.of(evidenceId));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            outcomes.add(new Outcome(now.get(i), then.get(i)));
        }
        return List.copyOf(outcomes);
    }

    /** A page of recommendations, newest year first, then in rank order, each with its status. */
    @Transactional
    public Page<RecommendationStatus> list(Optional<String> country, Optional<Integer> year, Optional<UUID> reportId,
            TimeFrame frame, Viewer viewer, PageRequest page) {
        Page<RecommendationVersion> recommendations = readModel.recommendations(country, year, reportId, frame, page);
        List<RecommendationStatus> statuses = statuses(recommendations.items(), frame, viewer);
        return new Page<>(statuses, recommendations.page(), recommendations.size(), recommendations.totalItems(),
                recommendations.totalPages());
    }

    /** The tier every report on the country gave it, oldest year first, in the frame. */
    @Transactional
    public List<TierEntry> tierHistory(String country, TimeFrame frame) {
        List<TierEntry> tiers = new ArrayList<>();
        int page = 0;
        Page<ReportVersion> reports;
        do {
            reports = readModel.reports(Optional.of(country), Optional.empty(), frame, new PageRequest(page++, 100));
            reports.items().forEach(report -> tiers.add(new TierEntry(report.year, report.tier, report.reportId,
                    report.publisher)));
        } while (page < reports.totalPages());
        tiers.sort(Comparator.comparingInt(TierEntry::year).thenComparing(TierEntry::publisher));
        return List.copyOf(tiers);
    }

    private List<RecommendationStatus> statuses(List<RecommendationVersion> recommendations, TimeFrame frame,
            Viewer viewer) {
        return statuses(recommendations, frame, viewer, Set.of());
    }

    private List<RecommendationStatus> statuses(List<RecommendationVersion> recommendations, TimeFrame frame,
            Viewer viewer, Set<UUID> assumedVerified) {
        if (recommendations.isEmpty()) {
            return List.of();
        }
        return statuses(recommendations, history(recommendations, frame), frame,
                visible(ids(recommendations), frame, viewer), assumedVerified);
    }

    /**
     * The evidence statuses are computed from: by recommendation, the pieces each lists; and the submitted pieces
     * it counts as pending without listing them (for a compliance report, which lists only the verified).
     */
    private record Counted(Map<UUID, List<EvidenceSnapshot>> listed, Map<UUID, Integer> unlistedPending) {
    }

    /** All the evidence on the recommendations that the viewer may see, each piece listed. */
    private Counted visible(List<UUID> ids, TimeFrame frame, Viewer viewer) {
        List<EvidenceSnapshot> visible = readModel.evidenceOn(ids, frame).stream()
                .filter(evidence -> viewer.maySee(evidence.visibility(), evidence.organisation(), evidence.origin()))
                .toList();
        return new Counted(byRecommendation(visible), Map.of());
    }

    private static Map<UUID, List<EvidenceSnapshot>> byRecommendation(List<EvidenceSnapshot> evidence) {
        Map<UUID, List<EvidenceSnapshot>> byRecommendation = new HashMap<>();
        for (EvidenceSnapshot piece : evidence) {
            for (EvidenceVersion.Link link : piece.links()) {
                byRecommendation.computeIfAbsent(link.recommendationId, id -> new ArrayList<>()).add(piece);
            }
        }
        return byRecommendation;
    }

    /**
     * The statuses, counting the evidence in {@code assumedVerified} as verified whatever its state.
     *
     * @param history the recommendations their lineages may step to, by id (see {@link #history})
     */
    private List<RecommendationStatus> statuses(List<RecommendationVersion> recommendations,
            Map<UUID, RecommendationVersion> history, TimeFrame frame, Counted evidence, Set<UUID> assumedVerified) {
        Map<UUID, ReportVersion> reports = readModel.reports(
                recommendations.stream().map(recommendation -> recommendation.reportId).distinct().toList(), frame);
        return recommendations.stream()
                .map(recommendation -> status(recommendation, reports.get(recommendation.reportId),
                        evidence.listed().getOrDefault(recommendation.recommendationId, List.of()),
                        evidence.unlistedPending().getOrDefault(recommendation.recommendationId, 0),
                        lineage(recommendation, history), frame, assumedVerified))
                .toList();
    }

    private static List<UUID> ids(List<RecommendationVersion> recommendations) {
        return recommendations.stream().map(recommendation -> recommendation.recommendationId).toList();
    }

    /**
     * The recommendations a lineage can step to: every one on the countries of those that continue an earlier one, in
     * one query per country; none when none of them does (a lineage starts at {@code continuesFromId}).
     */
    private Map<UUID, RecommendationVersion> history(List<RecommendationVersion> recommendations, TimeFrame frame) {
        Map<UUID, RecommendationVersion> history = new HashMap<>();
        recommendations.stream().filter(recommendation -> recommendation.continuesFromId != null)
                .map(recommendation -> recommendation.country).distinct()
                .forEach(country -> history.putAll(byId(readModel.recommendations(country, frame))));
        return history;
    }

    private static Map<UUID, RecommendationVersion> byId(List<RecommendationVersion> recommendations) {
        Map<UUID, RecommendationVersion> byId = new HashMap<>();
        recommendations.forEach(recommendation -> byId.put(recommendation.recommendationId, recommendation));
        return byId;
    }

    /**
     * @param listed          the evidence on it that the status lists and decides from
     * @param unlistedPending submitted pieces on it counted as pending, not among {@code listed}
     */
    private RecommendationStatus status(RecommendationVersion recommendation, ReportVersion report,
            List<EvidenceSnapshot> listed, int unlistedPending, List<LineageStep> lineage, TimeFrame frame,
            Set<UUID> assumedVerified) {
        UUID id = recommendation.recommendationId;
        List<StatusRules.Assessed> assessed = listed.stream()
                .map(evidence -> assessed(evidence, id))
                .sorted(StatusRules.BY_ACTION_DATE)
                .toList();
        List<StatusRules.Assessed> verified = new ArrayList<>();
        int pending = unlistedPending;
        Map<UUID, EvidenceSnapshot> byId = new HashMap<>();
        listed.forEach(evidence -> byId.put(evidence.evidenceId(), evidence));
        for (StatusRules.Assessed item : assessed) {
            EvidenceState state = byId.get(item.evidenceId()).state();
            if (state == EvidenceState.VERIFIED || assumedVerified.contains(item.evidenceId())) {
                verified.add(item);
            } else if (state == EvidenceState.SUBMITTED) {
                pending++;
            }
        }
        StatusRules.Decision decision = StatusRules.decide(verified);
        Set<UUID> basis = new HashSet<>(decision.evidenceIds());
        List<EvidenceItem> items = assessed.stream()
                .map(item -> item(byId.get(item.evidenceId()), item, basis.contains(item.evidenceId())))
                .toList();
        int firstYear = lineage.isEmpty() ? recommendation.year : lineage.getLast().year();
        Integer outstandingSince = decision.status() == Status.IMPLEMENTED ? null : firstYear;
        ReportRef reportRef = report == null ? null
                : new ReportRef(report.reportId, report.tier, report.publisher, report.title, report.sourceUrl,
                        report.publishedOn);
        return new RecommendationStatus(id, recommendation.code, recommendation.country, recommendation.year,
                recommendation.rank, recommendation.text, recommendation.revision, List.copyOf(recommendation.pillars),
                List.copyOf(recommendation.targetGroups), recommendation.state, reportRef, decision.status(),
                decision.rule(), decision.rule().description(), decision.evidenceIds(), pending, items, lineage,
                firstYear, outstandingSince, frame.asOf(), frame.knownAt());
    }

    /** The earlier years' recommendations this one continues, most recent first, as the frame shows them. */
    private static List<LineageStep> lineage(RecommendationVersion recommendation,
            Map<UUID, RecommendationVersion> history) {
        List<LineageStep> steps = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(recommendation.recommendationId));
        UUID next = recommendation.continuesFromId;
        while (next != null && seen.add(next) && steps.size() < MAX_LINEAGE) {
            RecommendationVersion step = history.get(next);
            if (step == null) {
                break;
            }
            steps.add(new LineageStep(step.recommendationId, step.code, step.year, step.rank));
            next = step.continuesFromId;
        }
        return List.copyOf(steps);
    }

    private static StatusRules.Assessed assessed(EvidenceSnapshot evidence, UUID recommendationId) {
        for (EvidenceVersion.Link link : evidence.links()) {
            if (link.recommendationId.equals(recommendationId)) {
                return new StatusRules.Assessed(evidence.evidenceId(), link.assessment, evidence.actionFrom(),
                        evidence.actionTo(), evidence.verifiedAt());
            }
        }
        throw new IllegalArgumentException("evidence " + evidence.evidenceId() + " bears not on " + recommendationId);
    }

    private static EvidenceItem item(EvidenceSnapshot evidence, StatusRules.Assessed assessed, boolean basis) {
        return new EvidenceItem(evidence.evidenceId(), assessed.assessment(), evidence.state(), basis,
                evidence.actionFrom(), evidence.actionTo(),
                evidence.state() == EvidenceState.VERIFIED ? evidence.verifiedAt() : null, evidence.summary(),
                evidence.language(), evidence.organisation(), evidence.visibility(), evidence.source(),
                evidence.metrics());
    }
}
