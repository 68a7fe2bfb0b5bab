package org.rectrack.gateway.compliance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectrack.gateway.compliance.ComplianceReport.Evidence;
import org.rectrack.gateway.compliance.ComplianceReport.Item;
import org.rectrack.gateway.compliance.ComplianceReport.MetricRow;
import org.rectrack.gateway.compliance.ComplianceReport.StatusCount;

/**
 * The compliance report as CSV for spreadsheets, in three downloads that are each one table (RFC 4180: one header,
 * the same number of fields on every record): the recommendations, one record each; the summary, one record per
 * measure; the figures, one record per metric with a column per year. A spreadsheet opens each as it is, with no
 * second table below the first to cut away by hand. Every record names the report it comes from (country, year, the
 * as-of day, the known-at instant and the data's SHA-256), so a row copied into another sheet still says where it comes from.
 * <p>
 * The bytes are UTF-8 with a byte order mark (so Excel reads Lao text right), CRLF line ends, RFC 4180 quoting, and
 * every cell is neutralised against CSV injection ({@link #quoted(String)}).
 */
public final class ComplianceCsv {

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";
    /** What OWASP names as the start of a formula (=, +, -, @, TAB, CR), and the full-width =, +, - and @. */
    private static final String FORMULA_LEADING = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    /** A number as we write the figures: an optional minus, ASCII digits, an optional fraction. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** The columns that name the report on every record of every download. */
    private static final List<String> CONTEXT = List.of("country", "year", "as of", "known at", "data sha-256");

    private ComplianceCsv() {
    }

    /**
     * The recommendations table: one record per recommendation in rank order, with its status, the rule that fired,
     * the ids of the verified evidence it rests on and their citations.
     */
    public static byte[] recommendations(ComplianceReport report) {
        String tier = report.report() == null ? "" : report.report().tier();
        List<List<String>> records = new ArrayList<>();
        for (Item item : report.recommendations()) {
            records.add(List.of(tier, String.valueOf(item.rank()), item.code(), item.text(), String.join(" ", item.pillars()),
                    item.status(), item.state(), item.rule(),
                    item.outstandingSince() == null ? "" : item.outstandingSince().toString(),
                    item.evidence().stream().map(e -> e.id().toString()).collect(Collectors.joining(" ")),
                    String.valueOf(item.pendingEvidence()),
                    item.evidence().stream().map(ComplianceCsv::citation).collect(Collectors.joining(" | "))));
        }
        return table(report, List.of("tier", "rank", "code", "recommendation", "pillars", "status", "state", "rule",
                "outstanding since", "verified evidence", "pending evidence", "citations"), records);
    }

    /**
     * The summary table, one record per measure: the count of each status (every status, in the order of the rules),
     * the total, the share implemented or in progress, and the previous year's share and the change when there was a
     * previous year's report (empty values otherwise).
     */
    public static byte[] summary(ComplianceReport report) {
        var summary = report.summary();
        List<List<String>> records = new ArrayList<>();
        for (StatusCount count : summary.counts()) {
            records.add(List.of(count.status(), String.valueOf(count.count())));
        }
        records.add(List.of("total", String.valueOf(summary.total())));
        records.add(List.of("implemented or in progress (%)", plain(summary.shareImplementedOrInProgress())));
        records.add(List.of("previous year: implemented or in progress (%)", plain(summary.previousYearShare())));
        records.add(List.of("change (percentage points)", plain(summary.changeInShare())));
        return table(report, List.of("measure", "value"), records);
    }

    /**
     * The figures table: one record per metric (kind and unit) summed over the verified evidence, with a column per
     * year the report shows ({@link ComplianceReport#metricYears()}); an empty cell where no evidence gave a figure.
     */
    public static byte[] figures(ComplianceReport report) {
        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        report.metricYears().forEach(year -> header.add(String.valueOf(year)));
        List<List<String>> records = new ArrayList<>();
        for (MetricRow metric : report.metrics()) {
            List<String> cells = new ArrayList<>(List.of(metric.kind(), metric.unit()));
            metric.values().forEach(value -> cells.add(plain(value)));
            records.add(cells);
        }
        return table(report, header, records);
    }

    private static byte[] table(ComplianceReport report, List<String> header, List<List<String>> records) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, CONTEXT, header);
        List<String> context = context(report);
        for (List<String> record : records) {
            row(csv, context, record);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> context(ComplianceReport report) {
        return List.of(report.country(), String.valueOf(report.year()), report.asOf().toString(),
                report.knownAt().toString(), report.dataSha256());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
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

    private static void row(StringBuilder csv, List<String> context, List<String> cells) {
        csv.append(Stream.concat(context.stream(), cells.stream()).map(ComplianceCsv::quoted)
                .collect(Collectors.joining(","))).append(CRLF);
    }

    /**
     * One cell, per RFC 4180 (quoted when it holds a comma, a quote or a line end), made safe from CSV injection
     * (OWASP, "CSV Injection"): a cell that a spreadsheet could read as a formula, one whose first character other
     * than white space is =, +, -, @, a TAB or a CR (or a full-width =, +, - or @, which spreadsheets in East Asian
     * locales read as the ASCII ones), gets a leading ' and is always quoted. A plain decimal number such as
     * {@code -12.5}, which we write ourselves for the figures, stays as it is so that it sums as a number.
     */
    public static String quoted(String cell) {
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
