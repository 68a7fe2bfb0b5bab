package org.rectrack.gateway.ui.recommendation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.gateway.status.RecommendationStatus.EvidenceItem;

/**
 * One metric over the years, from the verified evidence on a recommendation (what the status rests on counts, what is
 * pending does not), as a server-rendered SVG bar chart with its table. A figure counts in the year it is about (its
 * {@code year}, else the year its action began); only totals count (a figure broken down by sex or age would count
 * the same people twice).
 *
 * @param kind   the metric
 * @param unit   its unit ({@code PERSONS}, {@code USD}…)
 * @param points the value of each year, oldest first
 * @param bars   the chart's geometry, one bar per point
 * @param height the chart's viewBox height
 */
public record MetricSeries(MetricKind kind, String unit, List<Point> points, List<Bar> bars, int height) {

    static final int WIDTH = 640;
    private static final int PLOT = 120;
    private static final int TOP = 16;

    /** A year and its value. */
    public record Point(int year, BigDecimal value) {
    }

    /** A bar of the chart, in SVG user units; the year is written under it and the value over it. */
    public record Bar(int year, BigDecimal value, double x, double y, double width, double height, double middle) {

        /** Where the value is written, over the bar. */
        public double valueY() {
            return y - 3;
        }
    }

    public int width() {
        return WIDTH;
    }

    /** Every series the evidence gives, by kind then unit. */
    static List<MetricSeries> of(List<EvidenceItem> evidence) {
        Map<String, Map<Integer, BigDecimal>> byKindAndUnit = new TreeMap<>();
        for (EvidenceItem item : evidence) {
            if (item.state() != EvidenceState.VERIFIED) {
                continue;
            }
            for (Metric metric : item.metrics()) {
                if (metric.sex() != null || metric.ageGroup() != null) {
                    continue;
                }
                int year = metric.year() != null ? metric.year() : item.actionFrom().getYear();
                byKindAndUnit.computeIfAbsent(metric.kind().name() + " " + metric.unit(), key -> new TreeMap<>())
                        .merge(year, metric.value(), BigDecimal::add);
            }
        }
        List<MetricSeries> series = new ArrayList<>();
        byKindAndUnit.forEach((key, values) -> {
            String[] parts = key.split(" ", 2);
            series.add(of(MetricKind.valueOf(parts[0]), parts[1], values));
        });
        return List.copyOf(series);
    }

    private static MetricSeries of(MetricKind kind, String unit, Map<Integer, BigDecimal> values) {
        List<Point> points = values.entrySet().stream().map(entry -> new Point(entry.getKey(), entry.getValue()))
                .toList();
        BigDecimal max = points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        double slot = (double) WIDTH / Math.max(points.size(), 1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double height = max.signum() == 0 ? 0 : PLOT * point.value().doubleValue() / max.doubleValue();
            double width = Math.min(slot * 0.6, 80);
            double x = slot * i + (slot - width) / 2;
            bars.add(new Bar(point.year(), point.value(), round(x), round(TOP + PLOT - height), round(width),
                    round(height), round(x + width / 2)));
        }
        return new MetricSeries(kind, unit, points, List.copyOf(bars), TOP + PLOT + 24);
    }

    /** The baseline's y, where the years are written under it. */
    public int baseline() {
        return TOP + PLOT;
    }

    /** Where the years are written, under the baseline. */
    public int yearY() {
        return TOP + PLOT + 16;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
