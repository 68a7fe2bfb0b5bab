package org.rectrack.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rectrack's reports can print is what it accepts: the scripts of its report fonts, and no more. */
class UnicodeTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ເຈົ້າ ກົດໝາຍ ຕຳຫຼວດ", "ສືບສວນ\u200bແລະ ດຳເນີນຄະດີ ₭300", "Prosecute traffickers; “quotes” – §5",
            "Nguyễn Thị Ánh", "Москва", "Αθήνα", "tab\tand\r\nline ends", "LGBTQI+ persons: 100 %", "" })
    void textInTheReportFontsScriptsIsPrintable(String text) {
        assertThat(UnicodeText.unprintableAt(text)).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "4E2D", "1F600", "0E01", "0627", "2192", "0001", "007F", "000B" })
    void aCharacterNoReportFontHasIsFoundWhereItStands(String codePoint) {
        String text = "ຕຳຫຼວດ " + Character.toString(Integer.parseInt(codePoint, 16)) + " end";

        assertThat(UnicodeText.unprintableAt(text)).hasValue(7);
        assertThat(UnicodeText.unprintableMessage(text, 7)).startsWith("holds U+" + codePoint);
    }
}
