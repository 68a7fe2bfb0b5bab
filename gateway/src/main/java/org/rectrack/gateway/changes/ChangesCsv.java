package org.rectrack.gateway.changes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectrack.gateway.changes.api.TextDiff;
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.changes.api.YearOverYear.Line;
import org.rectrack.gateway.changes.api.YearOverYear.Repeated;
import org.rectrack.gateway.compliance.ComplianceCsv;

/**
 * A year's changes as one CSV table, as the compliance report's CSV is written (RFC 4180, UTF-8 with a byte order
 * mark, CRLF, every cell neutralised against CSV injection by {@link ComplianceCsv#quoted}): one record per
 * recommendation, new, repeated or dropped, each naming the comparison it belongs to (country, year, previous year,
 * both tiers, as of, known at).
 *
 * <p>The word-level difference is written in the notation of {@code git diff --word-diff=plain}: {@code [-removed-]}
 * and {@code {+added+}}, so that it reads in any spreadsheet, without colour.
 */
final class ChangesCsv {

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private ChangesCsv() {
    }

    static byte[] of(YearOverYear changes) {
        List<String> context = List.of(changes.country(), String.valueOf(changes.year()),
                changes.previous() == null ? "" : String.valueOf(changes.previous().year()),
                changes.previous() == null ? "" : changes.previous().tier().name(), changes.report().tier().name(),
                changes.asOf().toString(), changes.knownAt().toString());
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, List.of("country", "year", "previous year", "previous tier", "tier", "as of", "known at", "change",
                "rank", "code", "previous code", "status then", "status now", "previous text", "text",
                "text difference"));
        for (Line line : changes.newOnes()) {
            row(csv, context, List.of("new", String.valueOf(line.rank()), line.code(), "", "", line.status().name(), "",
                    line.text(), ""));
        }
        for (Repeated repeated : changes.repeated()) {
            row(csv, context, List.of(repeated.reworded() ? "repeated, reworded" : "repeated",
                    String.valueOf(repeated.now().rank()), repeated.now().code(), repeated.then().code(),
                    repeated.then().status().name(), repeated.now().status().name(), repeated.then().text(),
                    repeated.now().text(), repeated.reworded() ? wordDiff(repeated.textDiff()) : ""));
        }
        for (Line line : changes.dropped()) {
            row(csv, context, List.of("dropped", String.valueOf(line.rank()), "", line.code(), line.status().name(), "",
                    line.text(), "", ""));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The segments in word-diff notation: {@code [-removed-]}, {@code {+added+}}, the rest as it is. */
    static String wordDiff(List<TextDiff.Segment> segments) {
        StringBuilder text = new StringBuilder();
        for (TextDiff.Segment segment : segments) {
            switch (segment.operation()) {
                case EQUAL -> text.append(segment.text());
                case DELETED -> text.append("[-").append(segment.text()).append("-]");
                case INSERTED -> text.append("{+").append(segment.text()).append("+}");
            }
        }
        return text.toString();
    }

    private static void row(StringBuilder csv, List<String> context, List<String> cells) {
        List<String> all = new ArrayList<>(context);
        all.addAll(cells);
        row(csv, all);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(Stream.of(cells).flatMap(List::stream).map(ComplianceCsv::quoted).collect(Collectors.joining(",")))
                .append(CRLF);
    }
}
