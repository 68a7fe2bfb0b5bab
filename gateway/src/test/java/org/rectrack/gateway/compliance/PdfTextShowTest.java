package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectrack.gateway.compliance.CompliancePdfTest.Glyph;

/**
 * {@link PdfText#show} places a word that comes again (written from the operands it had the first time in the
 * document) exactly as shaping places it, wherever on a line and on whichever line it stands: each occurrence's
 * glyphs lie at the same distances from one another, and one occurrence lies from the next by the width of the text
 * between them.
 */
class PdfTextShowTest {

    private static final float SIZE = 11;
    /** Pairs a kerning layout would pull together (AV, VA, TA): were they moved, the moves belong to the word. */
    private static final String WORD = "AVATAR";

    @Test
    void aRepeatedWordIsPlacedAsShapedWhereverItStands() throws IOException {
        String line = WORD + " and " + WORD + ", " + WORD + " " + WORD;
        byte[] pdf;
        float gap;
        try (PdfPages pages = new PdfPages()) {
            pages.paragraph(line, SIZE, false, 0);
            pages.paragraph("Then " + line, SIZE, false, 37.5f);
            gap = pages.text().width(WORD + " and ", SIZE, false);
            pdf = pages.finish((page, count) -> "page " + page, "words", Instant.EPOCH, "words");
        }

        List<List<Glyph>> occurrences = occurrences(CompliancePdfTest.glyphs(pdf));

        assertThat(occurrences).hasSize(8);
        List<Glyph> first = occurrences.getFirst();
        for (List<Glyph> occurrence : occurrences) {
            double shift = occurrence.getFirst().ink().getMinX() - first.getFirst().ink().getMinX();
            for (int i = 0; i < WORD.length(); i++) {
                assertThat(occurrence.get(i).ink().getMinX() - shift).as("glyph %d of an occurrence", i)
                        .isCloseTo(first.get(i).ink().getMinX(), within(0.001));
            }
        }
        assertThat(occurrences.get(1).getFirst().ink().getMinX() - first.getFirst().ink().getMinX())
                .as("from the first occurrence to the next, the width of \"%s and \"", WORD)
                .isCloseTo(gap, within(0.001));
    }

    /** Each run of glyphs that stands for the word, in the order shown. */
    private static List<List<Glyph>> occurrences(List<Glyph> glyphs) {
        List<List<Glyph>> found = new ArrayList<>();
        for (int i = 0; i + WORD.length() <= glyphs.size(); i++) {
            StringBuilder text = new StringBuilder();
            glyphs.subList(i, i + WORD.length()).forEach(glyph -> text.append(glyph.unicode()));
            if (text.toString().equals(WORD)) {
                found.add(glyphs.subList(i, i + WORD.length()));
            }
        }
        return found;
    }
}
