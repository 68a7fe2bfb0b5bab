package org.rectrack.gateway.ui.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rectrack.events.recommendations.Pillar;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.Status;
import org.rectrack.gateway.status.TierEntry;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.StatusLook;

/**
 * A country-year board: the tier history, the status distribution of each year (the chart and its table), and the
 * year's ranked list as filtered. Every count is of recommendations, whose status is computed from the evidence the
 * viewer may see, so no count reveals hidden evidence.
 *
 * @param country the ISO 3166-1 alpha-3 code
 * @param year    the report year shown
 * @param tiers   the tier of each year's report, oldest first
 * @param years   the status distribution of each year, oldest first, after the pillar and target group filters
 * @param rows    the year's recommendations in rank order, after every filter
 * @param filters the filters applied
 * @param targetGroups the target groups the year's recommendations name, for the filter's choices
 */
public record Board(String country, int year, List<TierEntry> tiers, List<Distribution> years, List<Row> rows,
        Filters filters, List<String> targetGroups) {

    /** The filters of the ranked list, as the URL carries them (the API's names and values). */
    public record Filters(Optional<Status> status, Optional<Pillar> pillar, Optional<String> targetGroup) {

        boolean keepsAsideStatus(RecommendationStatus recommendation) {
            return pillar.map(recommendation.pillars()::contains).orElse(true)
                    && targetGroup.map(recommendation.targetGroups()::contains).orElse(true);
        }

        boolean keeps(RecommendationStatus recommendation) {
            return keepsAsideStatus(recommendation) && status.map(recommendation.status()::equals).orElse(true);
        }

        /** The query of these filters but the status, for the distribution's links ({@code &pillar=…}). */
        public String withoutStatus() {
            StringBuilder query = new StringBuilder();
            pillar.ifPresent(value -> query.append("&pillar=").append(value));
            targetGroup.ifPresent(value -> query.append("&targetGroup=")
                    .append(Pages.queryValue(value)));
            return query.toString();
        }

        public boolean any() {
            return status.isPresent() || pillar.isPresent() || targetGroup.isPresent();
        }
    }

    /** One recommendation in the ranked list. */
    public record Row(RecommendationStatus recommendation, Integer yearsOutstanding, int evidenceCount) {
    }

    /** How many recommendations of one year have each status, in {@link StatusLook#ORDER}. */
    public record Distribution(int year, List<Count> counts, int total) {

        public int count(Status status) {
            return counts.stream().filter(count -> count.status() == status).mapToInt(Count::count).sum();
        }
    }

    /** A status and how many recommendations have it. */
    public record Count(Status status, int count) {
    }

    /**
     * The board of a year from every recommendation of the country (each with its status for the viewer).
     *
     * @param asOf the day the board is as of: years outstanding are counted to its year
     */
    static Board of(String country, int year, List<TierEntry> tiers, List<RecommendationStatus> allYears,
            Filters filters, LocalDate asOf) {
        Map<Integer, Map<Status, Integer>> byYear = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (RecommendationStatus recommendation : allYears) {
            if (!filters.keepsAsideStatus(recommendation)) {
                continue;
            }
            byYear.computeIfAbsent(recommendation.year(), y -> new EnumMap<>(Status.class))
                    .merge(recommendation.status(), 1, Integer::sum);
            if (recommendation.year() == year && filters.keeps(recommendation)) {
                Integer outstanding = recommendation.outstandingSince() == null ? null
                        : Math.max(0, asOf.getYear() - recommendation.outstandingSince());
                rows.add(new Row(recommendation, outstanding, recommendation.evidence().size()));
            }
        }
        tiers.forEach(tier -> byYear.computeIfAbsent(tier.year(), y -> new EnumMap<>(Status.class)));
        byYear.computeIfAbsent(year, y -> new EnumMap<>(Status.class));
        List<Distribution> years = byYear.entrySet().stream()
                .map(entry -> new Distribution(entry.getKey(), StatusLook.ORDER.stream()
                        .map(status -> new Count(status, entry.getValue().getOrDefault(status, 0))).toList(),
                        entry.getValue().values().stream().mapToInt(Integer::intValue).sum()))
                .toList();
        rows.sort(java.util.Comparator.comparingInt((Row row) -> row.recommendation().rank())
                .thenComparing(row -> row.recommendation().code()));
        List<String> targetGroups = allYears.stream().filter(recommendation -> recommendation.year() == year)
                .flatMap(recommendation -> recommendation.targetGroups().stream()).distinct().sorted().toList();
        return new Board(country, year, tiers, years, List.copyOf(rows), filters, targetGroups);
    }

    /** This year's distribution. */
    public Distribution thisYear() {
        return years.stream().filter(distribution -> distribution.year() == year).findFirst().orElseThrow();
    }

    /** The tier of this year's report, if one is published in the frame. */
    public Optional<TierEntry> tier() {
        return tiers.stream().filter(tier -> tier.year() == year).findFirst();
    }
}
