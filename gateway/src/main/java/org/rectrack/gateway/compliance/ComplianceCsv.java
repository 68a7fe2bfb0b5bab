package org.rectrack.gateway.compliance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    /** What OWASP names as the start of a formula (=, +, -, @, TAB, CR), and the full-width =, +, - and @. */
    private static final String FORMULA_LEADING = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    /** A number as we write the figures: an optional minus, ASCII digits, an optional fraction. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ComplianceCsv() {
    }

    /** The report as the bytes of a CSV file; every cell goes through {@link #quoted(String)}. */
    public static byte[] render(ComplianceReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, "country", "year", "as of", "known at", "tier", "rank", "code", "recommendation", "pillars", "status",
                "state", "rule", "outstanding since", "verified evidence", "pending evidence", "citations");
        String tier = report.report() == null ? "" : report.report().tier();
        for (Item item : report.recommendations()) {
            row(csv, report.country(), String.valueOf(report.year()), report.asOf().toString(),
                    report.knownAt().toString(), tier, String.valueOf(item.rank()), item.code(), item.text(),
                    String.join(" ", item.pillars()), item.status(), item.state(), item.rule(),
                    item.outstandingSince() == null ? "" : item.outstandingSince().toString(),
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

    /**
     * One cell, per RFC 4180 (quoted when it holds a comma, a quote or a line end), made safe from CSV injection
     * (OWASP, "CSV Injection"): a cell that a spreadsheet could read as a formula, one whose first character other
     * than white space is =, +, -, @, a TAB or a CR (or a full-width =, +, - or @, which spreadsheets in East Asian
     * locales read as the ASCII ones), gets a leading ' and is always quoted. A plain decimal number such as
     * {@code -12.5}, which we write ourselves for the figures, stays as it is so that it sums as a number.
     */
    static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        boolean formula = startsLikeAFormula(cell) && !PLAIN_NUMBER.matcher(cell).matches();
        String safe = formula ? "'" + cell : cell;
        boolean needsQuotes = formula || safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeAFormula(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (FORMULA_LEADING.indexOf(c) >= 0) {
                return true;
            }
            // Spreadsheets skip leading spaces (and line ends) before they look for a formula.
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }
}
