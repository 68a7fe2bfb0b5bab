package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PdfText#wrap} fills each line as far as it goes: every line fits the width, no line could have taken the
 * first word of the next, and the words come out as they went in. Over simple Latin text (whose lines are measured
 * from their words' widths), Lao and Latin mixed (whose lines are shaped to be measured), and a word too long for a
 * line.
 */
class PdfTextWrapTest {

    private static final float SIZE = 9;
    private static final float WIDTH = 180;

    @ParameterizedTest
    @ValueSource(strings = {
            "Increase efforts to proactively identify trafficking victims among vulnerable populations, including"
                    + " migrants returning from Thailand, and refer them to care; train officials on the 2016 law.",
            "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ, including officials complicit in trafficking crimes, ແລະ ລົງໂທດ"
                    + " ຜູ້ກະທຳຜິດ ຢ່າງເໝາະສົມ with adequate prison terms.",
            "A reference such as https://example.org/a/very/long/path/that/no/line/of/this/width/can/hold/at/all"
                    + " is cut where it must be."
    })
    void eachLineIsAsFullAsItCanBe(String paragraph) {
        for (boolean bold : List.of(false, true)) {
            PdfText text = new PdfText();

            List<String> lines = text.wrap(paragraph, WIDTH, SIZE, bold);

            assertThat(lines).hasSizeGreaterThan(1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertThat(text.width(line, SIZE, bold)).as("width of %s", line).isLessThanOrEqualTo(WIDTH);
                if (i + 1 < lines.size()) {
                    String next = lines.get(i + 1).split(" ")[0];
                    assertThat(text.width(line + " " + next, SIZE, bold)).as("width of %s with %s", line, next)
                            .isGreaterThan(WIDTH);
                }
            }
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo(paragraph.replace(" ", ""));
        }
    }

    @Test
    void aLineBreakStartsALineAndSpacesTogetherAreOne() {
        PdfText text = new PdfText();

        assertThat(text.wrap("  First  line\r\nsecond   line\n\n\u2028third\tword  ", 400, SIZE, false))
                .containsExactly("First line", "second line", "third\tword");
        assertThat(text.wrap(" \n ", 400, SIZE, false)).isEmpty();
    }
}
