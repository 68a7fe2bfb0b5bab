package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectrack.gateway.compliance.PdfText.ShapedGlyph;
import org.rectrack.gateway.compliance.PdfText.Shaping;
import org.rectrack.gateway.compliance.PdfText.Shapings;

/** The word cache keeps at most its number of glyphs, forgetting the texts used least recently first. */
class PdfTextShapingsTest {

    @Test
    void theTextsUsedLeastRecentlyAreForgottenOnceTheGlyphsKeptWouldPassTheBound() {
        Shapings shapings = new Shapings(10);
        shapings.put("first", glyphs(4));
        shapings.put("second", glyphs(4));
        shapings.get("first");

        shapings.put("third", glyphs(4));

        assertThat(shapings.get("second")).as("used least recently").isNull();
        assertThat(shapings.get("first")).isNotNull();
        assertThat(shapings.get("third")).isNotNull();
    }

    @Test
    void aTextReplacedCountsItsGlyphsOnceAndOneLargerThanTheBoundIsNotKept() {
        Shapings shapings = new Shapings(10);
        shapings.put("word", glyphs(6));
        shapings.put("word", glyphs(6));
        shapings.put("other", glyphs(4));

        assertThat(shapings.get("word")).isNotNull();
        assertThat(shapings.get("other")).isNotNull();

        shapings.put("a whole paragraph", glyphs(11));

        assertThat(shapings.get("a whole paragraph")).isNull();
        assertThat(shapings.get("word")).isNull();
        assertThat(shapings.get("other")).isNull();
    }

    private static Shaping glyphs(int count) {
        return new Shaping(Collections.nCopies(count, new ShapedGlyph(1, "a", 0, 0)), count * 500f);
    }
}
