package org.rectrack.gateway.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.gateway.compliance.ComplianceReport.Evidence;
import org.rectrack.gateway.compliance.ComplianceReport.Item;
import org.rectrack.gateway.compliance.ComplianceReport.MetricRow;
import org.rectrack.gateway.compliance.ComplianceReport.Source;
import org.rectrack.gateway.compliance.ComplianceReport.StatusCount;
import org.rectrack.gateway.compliance.ComplianceReport.Summary;
import org.rectrack.gateway.compliance.ComplianceReport.TierEntry;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.RecommendationStatus.EvidenceItem;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.Status;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.platform.problem.ProblemException;

/**
 * Assembles the year-end compliance report of a country and year in a {@link TimeFrame}, from the read model's
 * history alone: the same question always gets the same answer, whatever was recorded after {@code knownAt}.
 * An auditor sees all evidence, restricted included.
 */
@ApplicationScoped
public class ComplianceReportService {

    /** The figures table shows the report's year and the years before it. */
    private static final int METRIC_YEARS = 3;

    private final StatusService statuses;
    private final ObjectMapper mapper;

    ComplianceReportService(StatusService statuses, ObjectMapper mapper) {
        this.statuses = statuses;
        this.mapper = mapper;
    }

    /**
     * The report of a country and year in a frame, computed in one pass over the country's recommendations.
     *
     * @throws ProblemException 404 when no report on the country and year counts in the frame
     */
    @Transactional
    public ComplianceReport report(String country, int year, TimeFrame frame) {
        Map<Integer, List<RecommendationStatus>> byYear = statuses.forCountryListingVerified(country, frame)
                .stream()
                .sorted(Comparator.comparingInt(RecommendationStatus::rank).thenComparing(RecommendationStatus::code)
                        .thenComparing(RecommendationStatus::id))
                .collect(Collectors.groupingBy(RecommendationStatus::year, TreeMap::new, Collectors.toList()));
        List<RecommendationStatus> listed = byYear.getOrDefault(year, List.of());
        if (listed.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "no report on " + country + " for " + year
                    + " counts as of " + frame.asOf() + " as known at " + frame.knownAt(), List.of());
        }
        List<RecommendationStatus> current = active(listed);
        List<RecommendationStatus> previous = active(byYear.getOrDefault(year - 1, List.of()));

        List<Integer> metricYears = new ArrayList<>();
        for (int y = year - METRIC_YEARS + 1; y <= year; y++) {
            metricYears.add(y);
        }
        // A year's narrative reports figures against the previous year's recommendations, so the figures about
        // the earliest year shown hang on the recommendations of the year before it.
        List<RecommendationStatus> withFigures = new ArrayList<>();
        for (int y = year - METRIC_YEARS; y <= year; y++) {
            withFigures.addAll(active(byYear.getOrDefault(y, List.of())));
        }

        var report = listed.getFirst().report();
        Source source = report == null ? null : new Source(report.title(), report.publisher(), report.tier().name(),
                report.publishedOn(), report.sourceUrl());
        ComplianceReport unsigned = new ComplianceReport(country, year, frame.asOf(), frame.knownAt(), source,
                statuses.tierHistory(country, frame).stream()
                        .filter(entry -> entry.year() <= year)
                        .map(entry -> new TierEntry(entry.year(), entry.tier().name()))
                        .distinct()
                        .toList(),
                listed.stream().map(ComplianceReportService::item).toList(),
                summary(current, previous),
                metrics(withFigures, metricYears),
                metricYears,
                null);
        return unsigned.withDataSha256(sha256(unsigned));
    }

    /** What the summary and figures count: the recommendations still standing, not the withdrawn. */
    private static List<RecommendationStatus> active(List<RecommendationStatus> statuses) {
        return statuses.stream().filter(status -> status.state() == RecommendationState.ACTIVE).toList();
    }

    private static Item item(RecommendationStatus status) {
        List<Evidence> basis = status.evidence().stream()
                .filter(EvidenceItem::basis)
                .sorted(Comparator.comparing(EvidenceItem::actionFrom).thenComparing(EvidenceItem::id))
                .map(ComplianceReportService::evidence)
                .toList();
        return new Item(status.rank(), status.code(), status.text(),
                status.pillars().stream().map(Enum::name).toList(), status.status().name(), status.state().name(),
                status.rule().name() + ": " + status.explanation(), basis, status.pendingCount(),
                status.outstandingSince(),
                status.lineage().stream().map(RecommendationStatus.LineageStep::code).toList());
    }

    private static Evidence evidence(EvidenceItem item) {
        return new Evidence(item.id(), item.assessment().name(), item.actionFrom(), item.actionTo(), item.summary(),
                item.language(), item.source());
    }

    private static Summary summary(List<RecommendationStatus> current, List<RecommendationStatus> previous) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        current.forEach(status -> counts.merge(status.status(), 1, Integer::sum));
        // Every recommendation of a year may be withdrawn: then there is no share to state.
        BigDecimal share = current.isEmpty() ? null : share(current);
        BigDecimal previousShare = previous.isEmpty() ? null : share(previous);
        return new Summary(
                counts.entrySet().stream().map(entry -> new StatusCount(entry.getKey().name(), entry.getValue())).toList(),
                current.size(), share, previousShare,
                share == null || previousShare == null ? null : share.subtract(previousShare));
    }

    /** Percent of recommendations implemented or in progress, to one decimal. */
    private static BigDecimal share(List<RecommendationStatus> statuses) {
        long moving = statuses.stream()
                .filter(status -> status.status() == Status.IMPLEMENTED || status.status() == Status.IN_PROGRESS)
                .count();
        return BigDecimal.valueOf(moving * 100).divide(BigDecimal.valueOf(statuses.size()), 1, RoundingMode.HALF_UP);
    }

    /**
     * Figures of verified evidence on the country's recommendations, summed per kind and unit for the year
     * each figure is about (its own year when it names one, else the year the action began). Evidence
     * bearing on several recommendations counts once.
     */
    private static List<MetricRow> metrics(List<RecommendationStatus> statuses, List<Integer> years) {
        Map<UUID, EvidenceItem> verified = new LinkedHashMap<>();
        statuses.forEach(status -> status.evidence().stream()
                .filter(item -> item.state() == EvidenceState.VERIFIED)
                .forEach(item -> verified.putIfAbsent(item.id(), item)));
        Map<String, Map<Integer, BigDecimal>> sums = new TreeMap<>();
        for (EvidenceItem item : verified.values()) {
            for (Metric metric : item.metrics()) {
                int year = metric.year() != null ? metric.year() : item.actionFrom().getYear();
                if (years.contains(year)) {
                    sums.computeIfAbsent(metric.kind().name() + "\u0000" + metric.unit(), key -> new TreeMap<>())
                            .merge(year, metric.value(), BigDecimal::add);
                }
            }
        }
        return sums.entrySet().stream().map(entry -> {
            String[] kindAndUnit = entry.getKey().split("\u0000");
            return new MetricRow(kindAndUnit[0], kindAndUnit[1],
                    years.stream().map(year -> entry.getValue().get(year)).toList());
        }).toList();
    }

    private String sha256(ComplianceReport unsigned) {
        try {
            byte[] canonical = mapper.writeValueAsString(unsigned).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the compliance report", e);
        }
    }
}
