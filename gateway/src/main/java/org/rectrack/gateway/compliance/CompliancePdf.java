package org.rectrack.gateway.compliance;

import static org.rectrack.gateway.compliance.PdfPages.MARGIN;
import static org.rectrack.gateway.compliance.PdfPages.WIDTH;
import static org.rectrack.gateway.compliance.PdfPages.label;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.rectrack.gateway.compliance.ComplianceReport.Evidence;
import org.rectrack.gateway.compliance.ComplianceReport.Item;
import org.rectrack.gateway.compliance.ComplianceReport.MetricRow;
import org.rectrack.gateway.compliance.ComplianceReport.StatusCount;

/**
 * The compliance report as a PDF for signing: heading, summary, the recommendations with the evidence and citations
 * each status rests on, the figures and their chart. Text is set by {@link PdfText} (Lao shaped by the JDK's
 * HarfBuzz, text kept selectable). The PDF states the report's cut-off and the SHA-256 of its data on its first page
 * and in every page's footer.
 * <p>
 * Its bytes depend on the report alone, never on the clock or the process: the creation and modification dates are
 * the report's cut-off, the document ID (PDF 32000-1, 14.4) is derived from what identifies the report (country,
 * year, cut-off, data SHA-256), fonts are subset to the glyphs shown and tagged from them.
 */
public final class CompliancePdf {

    private static final Color[] YEAR_COLORS = { new Color(0xB0C4DE), new Color(0x6A8CAF), new Color(0x1F3A5F) };

    private final ComplianceReport report;
    private final PdfPages pdf;

    private CompliancePdf(ComplianceReport report, PdfPages pdf) {
        this.report = report;
        this.pdf = pdf;
    }

    /** The report as the bytes of a PDF file; the same report gives the same bytes. */
    public static byte[] render(ComplianceReport report) {
        try (PdfPages pages = new PdfPages()) {
            return new CompliancePdf(report, pages).write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        heading();
        summary();
        recommendations();
        metrics();
        return pdf.finish((page, pages) -> "As of " + report.asOf() + ", as known at " + report.knownAt()
                + " · data SHA-256 " + report.dataSha256() + " · page " + page + " of " + pages,
                "Compliance report " + report.country() + " " + report.year() + " as of " + report.asOf()
                        + " as known at " + report.knownAt(),
                report.knownAt(),
                "rectrack compliance report\n" + report.country() + "\n" + report.year() + "\n" + report.asOf()
                        + "\n" + report.knownAt() + "\n" + report.dataSha256());
    }

    private void heading() throws IOException {
        pdf.paragraph("Year-end compliance report: " + report.country() + " " + report.year(), 16, true, 0);
        if (report.report() != null) {
            pdf.paragraph(report.report().title() + " (" + report.report().publisher() + ")", 10, false, 0);
            pdf.paragraph("Tier: " + label(report.report().tier()), 10, true, 0);
        }
        if (!report.tierHistory().isEmpty()) {
            pdf.paragraph("Tier history: " + String.join(", ", report.tierHistory().stream()
                    .map(entry -> entry.year() + " " + label(entry.tier())).toList()), 9, false, 0);
        }
        pdf.paragraph("Status as of " + report.asOf() + ", as rectrack knew it at " + report.knownAt()
                + ", from verified evidence only.", 9, false, 0);
        pdf.paragraph("Data SHA-256: " + report.dataSha256(), 8, false, 0);
        pdf.skip(6);
    }

    private void summary() throws IOException {
        pdf.paragraph("Summary", 13, true, 0);
        var summary = report.summary();
        for (StatusCount count : summary.counts()) {
            pdf.paragraph(label(count.status()) + ": " + count.count(), 10, false, 10);
        }
        pdf.paragraph("Implemented or in progress: " + percent(summary.shareImplementedOrInProgress())
                + (summary.previousYearShare() == null ? " (no previous year's report to compare with)"
                        : " (previous year " + percent(summary.previousYearShare()) + ", change "
                                + signed(summary.changeInShare()) + " points)"), 10, false, 10);
        pdf.skip(6);
    }

    private void recommendations() throws IOException {
        pdf.paragraph("Prioritized recommendations", 13, true, 0);
        for (Item item : report.recommendations()) {
            pdf.ensureSpace(60);
            pdf.paragraph(item.rank() + ". " + item.code() + " · " + label(item.status())
                    + ("WITHDRAWN".equals(item.state()) ? " · withdrawn (counts in no summary figure)" : "")
                    + (item.outstandingSince() == null ? "" : " · outstanding since " + item.outstandingSince()), 10, true, 0);
            pdf.paragraph(item.text(), 10, false, 14);
            pdf.paragraph("Rule: " + item.rule() + (item.pendingEvidence() > 0
                    ? " · " + item.pendingEvidence() + " pending evidence not counted" : ""), 8, false, 14);
            for (Evidence evidence : item.evidence()) {
                var citation = evidence.citation();
                pdf.paragraph("• " + label(evidence.assessment()) + ", " + evidence.actionFrom()
                        + (evidence.actionTo().equals(evidence.actionFrom()) ? "" : " to " + evidence.actionTo()) + ": "
                        + evidence.summary(), 8, false, 20);
                pdf.paragraph("Source: " + citation.title() + (citation.publisher() == null ? "" : ", " + citation.publisher())
                        + (citation.publishedOn() == null ? "" : ", " + citation.publishedOn())
                        + (citation.url() == null ? "" : ", " + citation.url())
                        + (citation.quote() == null ? "" : ": “" + citation.quote() + "”")
                        + " [" + evidence.id() + "]", 7, false, 28);
            }
            pdf.skip(4);
        }
    }

    private void metrics() throws IOException {
        if (report.metrics().isEmpty()) {
            return;
        }
        pdf.ensureSpace(120);
        pdf.paragraph("Figures from verified evidence", 13, true, 0);
        float[] columns = { 0, 170, 240, 310, 380 };
        List<String> header = new ArrayList<>(List.of("Metric", "Unit"));
        report.metricYears().forEach(year -> header.add(String.valueOf(year)));
        tableRow(header, columns, true);
        for (MetricRow row : report.metrics()) {
            List<String> cells = new ArrayList<>(List.of(label(row.kind()), row.unit()));
            row.values().forEach(value -> cells.add(value == null ? "–" : value.toPlainString()));
            tableRow(cells, columns, false);
        }
        pdf.skip(10);
        chart();
    }

    /** Bars per metric and year, each metric scaled to its own largest value. */
    private void chart() throws IOException {
        float barHeight = 6;
        float labelWidth = 170;
        float barArea = WIDTH - labelWidth - 60;
        for (MetricRow row : report.metrics()) {
            float height = row.values().size() * (barHeight + 2) + 8;
            pdf.ensureSpace(height);
            pdf.text().show(pdf.content(), pdf.page(), label(row.kind()), MARGIN, pdf.y() - barHeight, 8, false);
            BigDecimal max = row.values().stream().filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            for (int i = 0; i < row.values().size(); i++) {
                BigDecimal value = row.values().get(i);
                float barY = pdf.y() - (i + 1) * (barHeight + 2);
                float length = value == null || max.signum() == 0 ? 0
                        : value.floatValue() / max.floatValue() * barArea;
                pdf.content().setNonStrokingColor(YEAR_COLORS[Math.min(i, YEAR_COLORS.length - 1)]);
                pdf.content().addRect(MARGIN + labelWidth, barY, Math.max(length, 0.5f), barHeight);
                pdf.content().fill();
                pdf.content().setNonStrokingColor(Color.BLACK);
                pdf.text().show(pdf.content(), pdf.page(), report.metricYears().get(i) + ": " + (value == null ? "–" : value.toPlainString()),
                        MARGIN + labelWidth + length + 4, barY + 1, 6, false);
            }
            pdf.skip(height);
        }
    }

    private void tableRow(List<String> cells, float[] columns, boolean bold) throws IOException {
        pdf.ensureSpace(14);
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            pdf.text().show(pdf.content(), pdf.page(), cells.get(i), MARGIN + columns[i], pdf.y() - 9, 9, bold);
        }
        pdf.skip(13);
    }

    private static String percent(BigDecimal share) {
        if (share == null) {
            return "none (every recommendation is withdrawn)";
        }
        return share.stripTrailingZeros().toPlainString() + " %";
    }

    private static String signed(BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + change.stripTrailingZeros().toPlainString();
    }
}
