package org.rectrack.gateway.compliance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.rectrack.gateway.compliance.ComplianceReport.Evidence;
import org.rectrack.gateway.compliance.ComplianceReport.Item;
import org.rectrack.gateway.compliance.ComplianceReport.MetricRow;

/**
 * The compliance report as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Lao text
 * right), CRLF line ends and RFC 4180 quoting. One row per recommendation, then the metrics table.
 */
public final class ComplianceCsv {

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private ComplianceCsv() {
    }

    public static byte[] render(ComplianceReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, "country", "year", "as of", "tier", "rank", "code", "recommendation", "pillars", "status", "rule",
                "outstanding since", "verified evidence", "pending evidence", "citations");
        String tier = report.report() == null ? "" : report.report().tier();
        for (Item item : report.recommendations()) {
            row(csv, report.country(), String.valueOf(report.year()), report.asOf().toString(), tier,
                    String.valueOf(item.rank()), item.code(), item.text(), String.join(" ", item.pillars()),
                    item.status(), item.rule(), item.outstandingSince() == null ? "" : item.outstandingSince().toString(),
                    item.evidence().stream().map(e -> e.id().toString()).collect(Collectors.joining(" ")),
                    String.valueOf(item.pendingEvidence()),
                    item.evidence().stream().map(ComplianceCsv::citation).collect(Collectors.joining(" | ")));
        }
        csv.append(CRLF);
        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        report.metricYears().forEach(year -> header.add(String.valueOf(year)));
        row(csv, header.toArray(String[]::new));
        for (MetricRow metric : report.metrics()) {
            List<String> cells = new ArrayList<>(List.of(metric.kind(), metric.unit()));
            metric.values().forEach(value -> cells.add(value == null ? "" : value.toPlainString()));
            row(csv, cells.toArray(String[]::new));
        }
        csv.append(CRLF);
        row(csv, "data sha-256", report.dataSha256());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String citation(Evidence evidence) {
        var source = evidence.citation();
        StringBuilder text = new StringBuilder(source.title());
        if (source.publisher() != null) {
            text.append(", ").append(source.publisher());
        }
        if (source.publishedOn() != null) {
            text.append(", ").append(source.publishedOn());
        }
        if (source.url() != null) {
            text.append(", ").append(source.url());
        } else if (source.documentReference() != null) {
            text.append(", ").append(source.documentReference());
        }
        return text.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells[i]));
        }
        csv.append(CRLF);
    }

    /** RFC 4180; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs a cell as a formula. */
    static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell) ? "'" + cell : cell;
        boolean needsQuotes = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
