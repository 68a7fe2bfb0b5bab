package org.rectrack.gateway.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.changes.api.StatusChange;
import org.rectrack.gateway.changes.api.StatusChange.Cause;
import org.rectrack.gateway.changes.api.TextDiff;
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.changes.api.YearOverYear.Line;
import org.rectrack.gateway.changes.api.YearOverYear.Repeated;
import org.rectrack.gateway.changes.api.YearOverYear.ReportSide;
import org.rectrack.gateway.changes.api.YearOverYear.TierChange;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.RecommendationVersion;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.TierEntry;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.problem.ProblemException;

/**
 * What changed (issue 11): a country's report against its previous one, and every status change between two instants
 * in the system. Statuses come from {@link StatusService} alone (one way to compute a status), for one
 * {@link Viewer}: what the viewer may not see counts in no status and is named in no change, so a change caused only by
 * restricted evidence the viewer may not see is no change to that viewer.
 */
@ApplicationScoped
public class ChangeService {

    /**
     * The most evidence transitions one question between two instants may span: each is a status computed once more.
     * A range holding more is refused (400 naming {@code from}); a shorter one answers.
     */
    public static final int MAX_TRANSITIONS = 2000;

    /** The TIP Report's tiers from best to worst; a special case is outside this order. */
    private static final List<Tier> TIER_ORDER = List.of(Tier.TIER_1, Tier.TIER_2, Tier.TIER_2_WATCH_LIST, Tier.TIER_3);

    private static final Comparator<RecommendationStatus> RANK_ORDER = Comparator
            .comparingInt(RecommendationStatus::rank).thenComparing(RecommendationStatus::code)
            .thenComparing(RecommendationStatus::id);

    private final StatusService statuses;
    private final ReadModel readModel;

    ChangeService(StatusService statuses, ReadModel readModel) {
        this.statuses = statuses;
        this.readModel = readModel;
    }

    /**
     * The country's report of {@code year} against its latest stored report of an earlier year, in {@code frame} (the
     * compliance report's: asOf by default 31 December of the year). The recommendation a repeated one continues is
     * shown with its status then: as of 31 December of the previous report's year, as known at the same instant. A
     * dropped one is shown with its last status: in {@code frame}. With no earlier report, {@code previous} is null and
     * every recommendation is new.
     *
     * @throws ProblemException 404 when no report on the country for the year counts in the frame
     */
    @Transactional
    public YearOverYear yearOverYear(String country, int year, TimeFrame frame, Viewer viewer) {
        List<RecommendationStatus> all = statuses.forCountry(country, frame, viewer);
        List<RecommendationStatus> current = ofYear(all, year);
        if (current.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "no report on " + country + " for " + year
                    + " counts as of " + frame.asOf() + " as known at " + frame.knownAt(), List.of());
        }
        List<TierEntry> tiers = statuses.tierHistory(country, frame);
        RecommendationStatus.ReportRef report = current.getFirst().report();
        ReportSide side = new ReportSide(year, report.tier(), report.publisher(), report.title(), frame.asOf());
        Optional<TierEntry> earlier = tiers.stream().filter(entry -> entry.year() < year)
                .max(Comparator.comparingInt(TierEntry::year));
        if (earlier.isEmpty()) {
            return new YearOverYear(country, year, frame.asOf(), frame.knownAt(), side, null, null,
                    current.stream().map(ChangeService::line).toList(), List.of(), List.of());
        }
        int previousYear = earlier.get().year();
        TimeFrame then = new TimeFrame(LocalDate.of(previousYear, 12, 31), frame.knownAt());
        Map<UUID, RecommendationStatus> byIdThen = byId(statuses.forCountry(country, then, viewer));
        Map<UUID, RecommendationStatus> byIdNow = byId(all);
        ReportSide previous = new ReportSide(previousYear, earlier.get().tier(), earlier.get().publisher(),
                readModel.report(earlier.get().reportId(), frame).map(found -> found.title).orElse(null),
                then.asOf());

        List<Line> newOnes = new ArrayList<>();
        List<Repeated> repeated = new ArrayList<>();
        Set<UUID> continued = new HashSet<>();
        for (RecommendationStatus now : current) {
            if (now.lineage().isEmpty()) {
                newOnes.add(line(now));
                continue;
            }
            UUID before = now.lineage().getFirst().id();
            continued.add(before);
            RecommendationStatus was = byIdThen.getOrDefault(before, byIdNow.get(before));
            List<TextDiff.Segment> diff = WordDiff.of(was.text(), now.text());
            repeated.add(new Repeated(line(was), line(now), TextDiff.changed(diff), diff));
        }
        List<Line> dropped = ofYear(all, previousYear).stream()
                .filter(status -> !continued.contains(status.id()))
                .map(ChangeService::line)
                .toList();
        return new YearOverYear(country, year, frame.asOf(), frame.knownAt(), side, previous,
                new TierChange(earlier.get().tier(), report.tier(), direction(earlier.get().tier(), report.tier())),
                List.copyOf(newOnes), List.copyOf(repeated), dropped);
    }

    /**
     * Every change of the status of the country's recommendations (of every year) that rectrack recorded after
     * {@code from} and by {@code to}, as {@code viewer} sees it, oldest first: the question subscriptions announce
     * changes from, too.
     *
     * @param from an instant in the system, exclusive
     * @param to   an instant in the system, inclusive, after {@code from}; the statuses are as of its day (UTC)
     * @throws ProblemException 400 naming {@code from} when the range spans more than {@link #MAX_TRANSITIONS}
     */
    @Transactional
    public List<StatusChange> statusChanges(String country, Instant from, Instant to, Viewer viewer) {
        TimeFrame at = frameAt(to);
        return changes(readModel.recommendations(country, at), from, to, viewer);
    }

    /**
     * Every change of one recommendation's status between two instants, as {@link #statusChanges(String, Instant,
     * Instant, Viewer)} gives them for a country.
     *
     * @throws ProblemException 404 when the recommendation is not known at {@code to}; 400 as for a country
     */
    @Transactional
    public List<StatusChange> statusChanges(UUID recommendationId, Instant from, Instant to, Viewer viewer) {
        RecommendationVersion recommendation = readModel.recommendation(recommendationId, frameAt(to))
                .orElseThrow(() -> ProblemException.notFound("recommendation", recommendationId));
        return changes(List.of(recommendation), from, to, viewer);
    }

    /** The frame of a status at an instant of the range: as of the range's last day, as known at the instant. */
    static TimeFrame frameAt(Instant to) {
        return new TimeFrame(LocalDate.ofInstant(to, ZoneOffset.UTC), to);
    }

    private List<StatusChange> changes(List<RecommendationVersion> recommendations, Instant from, Instant to,
            Viewer viewer) {
        LocalDate asOf = frameAt(to).asOf();
        Map<UUID, RecommendationVersion> inScope = recommendations.stream()
                .collect(Collectors.toMap(recommendation -> recommendation.recommendationId, Function.identity(),
                        (first, second) -> first, LinkedHashMap::new));
        List<EvidenceVersion> recorded = readModel.evidenceRecorded(inScope.keySet(), from, to, MAX_TRANSITIONS + 1);
        if (recorded.size() > MAX_TRANSITIONS) {
            throw ProblemException.badRequest("from", "the range holds more than " + MAX_TRANSITIONS
                    + " evidence transitions; ask for a shorter one");
        }
        // Per recommendation, the instants at which something bearing on it was recorded, and what was.
        Map<UUID, List<EvidenceVersion>> byRecommendation = new LinkedHashMap<>();
        for (EvidenceVersion version : recorded) {
            for (EvidenceVersion.Link link : version.links) {
                if (inScope.containsKey(link.recommendationId)) {
                    byRecommendation.computeIfAbsent(link.recommendationId, id -> new ArrayList<>()).add(version);
                }
            }
        }
        List<StatusChange> changes = new ArrayList<>();
        byRecommendation.forEach((id, versions) -> changes.addAll(changesOf(inScope.get(id), versions, from, asOf,
                viewer)));
        changes.sort(Comparator.comparing(StatusChange::knownAt).thenComparing(StatusChange::code)
                .thenComparing(StatusChange::recommendationId));
        return List.copyOf(changes);
    }

    /**
     * The status the viewer sees at {@code from}, then at each instant something was recorded on the recommendation;
     * a change wherever two successive statuses differ. A status the viewer cannot see change never changes for it:
     * both statuses are computed from what it may see.
     */
    private List<StatusChange> changesOf(RecommendationVersion recommendation, List<EvidenceVersion> versions,
            Instant from, LocalDate asOf, Viewer viewer) {
        UUID id = recommendation.recommendationId;
        TreeSet<Instant> instants = versions.stream().map(version -> version.recordedAt)
                .collect(Collectors.toCollection(TreeSet::new));
        RecommendationStatus last = statuses.of(id, new TimeFrame(asOf, from), viewer).orElse(null);
        List<StatusChange> changes = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        int next = 0;
        for (Instant instant : instants) {
            for (; next < versions.size() && !versions.get(next).recordedAt.isAfter(instant); next++) {
                cause(versions.get(next), id, asOf, viewer).ifPresent(causes::add);
            }
            RecommendationStatus now = statuses.of(id, new TimeFrame(asOf, instant), viewer).orElse(null);
            if (now == null) {
                continue;
            }
            if (last != null && last.status() != now.status()) {
                changes.add(new StatusChange(id, now.code(), now.year(), now.rank(), instant, asOf, last.status(),
                        now.status(), now.rule(), List.copyOf(causes)));
                causes.clear();
            }
            last = now;
        }
        return changes;
    }

    /** The transition a version of evidence made, if the viewer may see the evidence and it counts as of the day. */
    private static Optional<Cause> cause(EvidenceVersion version, UUID recommendationId, LocalDate asOf, Viewer viewer) {
        if (!viewer.maySee(version.visibility, version.organisation, version.origin)
                || version.actionFrom.isAfter(asOf)) {
            return Optional.empty();
        }
        var link = version.links.stream().filter(candidate -> candidate.recommendationId.equals(recommendationId))
                .findFirst().orElseThrow();
        // Each version is one transition: the last step of its history (the evidence-service's EvidenceEvents).
        var step = version.history.isEmpty() ? null : version.history.getLast();
        return Optional.of(new Cause(version.evidenceId, step == null ? version.state : step.state,
                step == null ? version.changedAt : step.at, version.recordedAt, link.assessment, version.summary,
                version.language));
    }

    private static List<RecommendationStatus> ofYear(List<RecommendationStatus> all, int year) {
        return all.stream().filter(status -> status.year() == year).sorted(RANK_ORDER).toList();
    }

    private static Map<UUID, RecommendationStatus> byId(List<RecommendationStatus> all) {
        Map<UUID, RecommendationStatus> byId = new HashMap<>();
        all.forEach(status -> byId.put(status.id(), status));
        return byId;
    }

    private static Line line(RecommendationStatus status) {
        return new Line(status.id(), status.code(), status.year(), status.rank(), status.text(), status.status());
    }

    private static String direction(Tier from, Tier to) {
        int before = TIER_ORDER.indexOf(from);
        int after = TIER_ORDER.indexOf(to);
        if (before < 0 || after < 0) {
            return "UNRANKED";
        }
        return after < before ? "UP" : after > before ? "DOWN" : "SAME";
    }
}
