package org.rectrack.gateway.compliance;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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

    private static final float MARGIN = 50;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final Color[] YEAR_COLORS = { new Color(0xB0C4DE), new Color(0x6A8CAF), new Color(0x1F3A5F) };

    private final ComplianceReport report;
    private final PDDocument document = new PDDocument();
    private final PdfText text = new PdfText();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private PDPage page;
    private float y;

    private CompliancePdf(ComplianceReport report) {
        this.report = report;
    }

    /** The report as the bytes of a PDF file; the same report gives the same bytes. */
    public static byte[] render(ComplianceReport report) {
        CompliancePdf pdf = new CompliancePdf(report);
        try (pdf.document) {
            return pdf.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        newPage();
        heading();
        summary();
        recommendations();
        metrics();
        content.close();
        footers();
        text.embed(document);
        stampMetadata();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private void heading() throws IOException {
        paragraph("Year-end compliance report: " + report.country() + " " + report.year(), 16, true, 0);
        if (report.report() != null) {
            paragraph(report.report().title() + " (" + report.report().publisher() + ")", 10, false, 0);
            paragraph("Tier: " + label(report.report().tier()), 10, true, 0);
        }
        if (!report.tierHistory().isEmpty()) {
            paragraph("Tier history: " + String.join(", ", report.tierHistory().stream()
                    .map(entry -> entry.year() + " " + label(entry.tier())).toList()), 9, false, 0);
        }
        paragraph("Status as of " + report.asOf() + ", as rectrack knew it at " + report.knownAt()
                + ", from verified evidence only.", 9, false, 0);
        paragraph("Data SHA-256: " + report.dataSha256(), 8, false, 0);
        y -= 6;
    }

    private void summary() throws IOException {
        paragraph("Summary", 13, true, 0);
        var summary = report.summary();
        for (StatusCount count : summary.counts()) {
            paragraph(label(count.status()) + ": " + count.count(), 10, false, 10);
        }
        paragraph("Implemented or in progress: " + percent(summary.shareImplementedOrInProgress())
                + (summary.previousYearShare() == null ? " (no previous year's report to compare with)"
                        : " (previous year " + percent(summary.previousYearShare()) + ", change "
                                + signed(summary.changeInShare()) + " points)"), 10, false, 10);
        y -= 6;
    }

    private void recommendations() throws IOException {
        paragraph("Prioritized recommendations", 13, true, 0);
        for (Item item : report.recommendations()) {
            ensureSpace(60);
            paragraph(item.rank() + ". " + item.code() + " · " + label(item.status())
                    + ("WITHDRAWN".equals(item.state()) ? " · withdrawn (counts in no summary figure)" : "")
                    + (item.outstandingSince() == null ? "" : " · outstanding since " + item.outstandingSince()), 10, true, 0);
            paragraph(item.text(), 10, false, 14);
            paragraph("Rule: " + item.rule() + (item.pendingEvidence() > 0
                    ? " · " + item.pendingEvidence() + " pending evidence not counted" : ""), 8, false, 14);
            for (Evidence evidence : item.evidence()) {
                var citation = evidence.citation();
                paragraph("• " + label(evidence.assessment()) + ", " + evidence.actionFrom()
                        + (evidence.actionTo().equals(evidence.actionFrom()) ? "" : " to " + evidence.actionTo()) + ": "
                        + evidence.summary(), 8, false, 20);
                paragraph("Source: " + citation.title() + (citation.publisher() == null ? "" : ", " + citation.publisher())
                        + (citation.publishedOn() == null ? "" : ", " + citation.publishedOn())
                        + (citation.url() == null ? "" : ", " + citation.url())
                        + (citation.quote() == null ? "" : ": “" + citation.quote() + "”")
                        + " [" + evidence.id() + "]", 7, false, 28);
            }
            y -= 4;
        }
    }

    private void metrics() throws IOException {
        if (report.metrics().isEmpty()) {
            return;
        }
        ensureSpace(120);
        paragraph("Figures from verified evidence", 13, true, 0);
        float[] columns = { 0, 170, 240, 310, 380 };
        List<String> header = new ArrayList<>(List.of("Metric", "Unit"));
        report.metricYears().forEach(year -> header.add(String.valueOf(year)));
        tableRow(header, columns, true);
        for (MetricRow row : report.metrics()) {
            List<String> cells = new ArrayList<>(List.of(label(row.kind()), row.unit()));
            row.values().forEach(value -> cells.add(value == null ? "–" : value.toPlainString()));
            tableRow(cells, columns, false);
        }
        y -= 10;
        chart();
    }

    /** Bars per metric and year, each metric scaled to its own largest value. */
    private void chart() throws IOException {
        float barHeight = 6;
        float labelWidth = 170;
        float barArea = WIDTH - labelWidth - 60;
        for (MetricRow row : report.metrics()) {
            float height = row.values().size() * (barHeight + 2) + 8;
            ensureSpace(height);
            text.show(content, page, label(row.kind()), MARGIN, y - barHeight, 8, false);
            BigDecimal max = row.values().stream().filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            for (int i = 0; i < row.values().size(); i++) {
                BigDecimal value = row.values().get(i);
                float barY = y - (i + 1) * (barHeight + 2);
                float length = value == null || max.signum() == 0 ? 0
                        : value.floatValue() / max.floatValue() * barArea;
                content.setNonStrokingColor(YEAR_COLORS[Math.min(i, YEAR_COLORS.length - 1)]);
                content.addRect(MARGIN + labelWidth, barY, Math.max(length, 0.5f), barHeight);
                content.fill();
                content.setNonStrokingColor(Color.BLACK);
                text.show(content, page, report.metricYears().get(i) + ": " + (value == null ? "–" : value.toPlainString()),
                        MARGIN + labelWidth + length + 4, barY + 1, 6, false);
            }
            y -= height;
        }
    }

    private void tableRow(List<String> cells, float[] columns, boolean bold) throws IOException {
        ensureSpace(14);
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            text.show(content, page, cells.get(i), MARGIN + columns[i], y - 9, 9, bold);
        }
        y -= 13;
    }

    private void paragraph(String value, float size, boolean bold, float indent) throws IOException {
        float leading = size * 1.35f;
        for (String line : text.wrap(value, WIDTH - indent, size, bold)) {
            ensureSpace(leading);
            text.show(content, page, line, MARGIN + indent, y - size, size, bold);
            y -= leading;
        }
    }

    private void ensureSpace(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            content.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void footers() throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true)) {
                String line = "As of " + report.asOf() + ", as known at " + report.knownAt() + " · data SHA-256 "
                        + report.dataSha256() + " · page " + (i + 1) + " of " + pages.size();
                text.show(footer, pages.get(i), line, MARGIN, MARGIN - 10, 6.5f, false);
            }
        }
    }

    private void stampMetadata() {
        Calendar knownAt = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        knownAt.setTimeInMillis(report.knownAt().toEpochMilli());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Compliance report " + report.country() + " " + report.year() + " as of " + report.asOf()
                + " as known at " + report.knownAt());
        info.setProducer("rectrack");
        // The instant the report is as known at, not when it was drawn: the same report, the same bytes.
        info.setCreationDate(knownAt);
        info.setModificationDate(knownAt);
        // PDFBox would derive the trailer's /ID from the clock; both halves are the same at creation (14.4).
        COSArray id = new COSArray();
        byte[] identity = identity();
        id.add(new COSString(identity));
        id.add(new COSString(identity));
        document.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /** 16 bytes of the SHA-256 of what names this report: the same report, the same ID. */
    private byte[] identity() {
        try {
            String names = "rectrack compliance report\n" + report.country() + "\n" + report.year() + "\n" + report.asOf()
                    + "\n" + report.knownAt() + "\n" + report.dataSha256();
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
