package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.GlyphVector;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link PdfText} relies on to shape Latin text word by word: its Latin faces position no glyph against a
 * space, so shaping "a b" whole places every glyph where shaping "a", " " and "b" one after the other does. Checked
 * with the JDK's HarfBuzz, as PdfText shapes, for every pair of a {@link PdfText#simple} character and the space,
 * and for three characters around a space over Basic Latin. (The JDK applies the fonts' kerning only when a font asks
 * for it, {@link TextAttribute#KERNING}, which PdfText's do not.) Fails when a font or JDK update places glyphs
 * against a space; PdfText would then have to shape those lines whole.
 */
class LatinFacesTest {

    private static final FontRenderContext UNHINTED = new FontRenderContext(null, false, true);

    @ParameterizedTest
    @ValueSource(strings = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf" })
    void noGlyphIsPositionedAgainstASpace(String file) throws Exception {
        Font font = load(file);
        List<String> moved = new ArrayList<>();
        for (char c = ' '; c < 0x2060; c++) {
            if (!PdfText.simple(c) || !font.canDisplay(c)) {
                continue;
            }
            compare(font, String.valueOf(c), " ", moved);
            compare(font, " ", String.valueOf(c), moved);
        }
        for (char before = '!'; before <= '~'; before++) {
            for (char after = '!'; after <= '~'; after++) {
                compare(font, before + " ", String.valueOf(after), moved);
            }
        }
        assertThat(moved).as("texts whose glyphs shaping whole places otherwise than shaping their parts").isEmpty();
    }

    /** The comparison sees a glyph moved by its neighbour: with kerning asked for, V moves towards A. */
    @ParameterizedTest
    @ValueSource(strings = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf" })
    void theComparisonSeesKerning(String file) throws Exception {
        Font kerning = load(file).deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
        List<String> moved = new ArrayList<>();

        compare(kerning, "A", "V", moved);

        assertThat(moved).containsExactly("'AV'");
    }

    /** Adds {@code first + second} to {@code moved} unless shaping it whole gives the parts' glyphs at their places. */
    private static void compare(Font font, String first, String second, List<String> moved) {
        GlyphVector whole = layout(font, first + second);
        GlyphVector head = layout(font, first);
        GlyphVector tail = layout(font, second);
        float tailStart = (float) head.getGlyphPosition(head.getNumGlyphs()).getX();
        boolean same = whole.getNumGlyphs() == head.getNumGlyphs() + tail.getNumGlyphs();
        for (int i = 0; same && i < whole.getNumGlyphs(); i++) {
            GlyphVector part = i < head.getNumGlyphs() ? head : tail;
            int j = i < head.getNumGlyphs() ? i : i - head.getNumGlyphs();
            float x = (float) part.getGlyphPosition(j).getX() + (part == tail ? tailStart : 0);
            same = whole.getGlyphCode(i) == part.getGlyphCode(j)
                    && Math.abs(whole.getGlyphPosition(i).getX() - x) < 0.001
                    && Math.abs(whole.getGlyphPosition(i).getY() - part.getGlyphPosition(j).getY()) < 0.001;
        }
        if (!same) {
            moved.add("'" + first + second + "'");
        }
    }

    private static GlyphVector layout(Font font, String text) {
        char[] chars = text.toCharArray();
        return font.layoutGlyphVector(UNHINTED, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
    }

    private static Font load(String file) throws Exception {
        try (InputStream in = LatinFacesTest.class.getResourceAsStream("/fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1000f);
        }
    }
}
