package org.rectrack.gateway.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in a PDF in Latin and Lao script: each run of characters is set in a font that has its glyphs
 * (Noto Sans, Noto Sans Lao, both embedded as subsets), so Lao never shows as empty boxes. Lines are
 * wrapped at spaces, and inside a word too long for the line (Lao writes no spaces between words),
 * never between a letter and its combining marks.
 */
final class PdfText {

    /** A run of text set in one font. */
    private record Run(PDFont font, String text) {
    }

    private final PDFont latin;
    private final PDFont lao;
    private final PDFont latinBold;
    private final PDFont laoBold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

    PdfText(PDDocument document) {
        this.latin = load(document, "NotoSans-Regular.ttf");
        this.latinBold = load(document, "NotoSans-Bold.ttf");
        this.lao = load(document, "NotoSansLao-Regular.ttf");
        this.laoBold = load(document, "NotoSansLao-Bold.ttf");
    }

    float width(String text, float size, boolean bold) {
        float width = 0;
        for (Run run : runs(text, bold)) {
            try {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return width;
    }

    void show(PDPageContentStream content, String text, float x, float y, float size, boolean bold) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs(text, bold)) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    /** Splits text into lines no wider than {@code maxWidth}. */
    List<String> wrap(String text, float maxWidth, float size, boolean bold) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R+")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size, bold) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size, bold) > maxWidth) {
                    int cut = fittingPrefix(rest, maxWidth, size, bold);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private int fittingPrefix(String word, float maxWidth, float size, boolean bold) {
        int cut = 0;
        int next = 0;
        while (next < word.length()) {
            next += Character.charCount(word.codePointAt(next));
            while (next < word.length() && isMark(word.codePointAt(next))) {
                next += Character.charCount(word.codePointAt(next));
            }
            if (width(word.substring(0, next), size, bold) > maxWidth) {
                break;
            }
            cut = next;
        }
        return Math.max(cut, Character.charCount(word.codePointAt(0)));
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private List<Run> runs(String text, boolean bold) {
        PDFont primary = bold ? latinBold : latin;
        PDFont secondary = bold ? laoBold : lao;
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String character = Character.toString(Character.isWhitespace(codePoint) ? ' ' : codePoint);
            PDFont font = has(secondary, codePoint) && isLao(codePoint) ? secondary
                    : has(primary, codePoint) ? primary
                    : has(secondary, codePoint) ? secondary : null;
            if (font == null) {
                font = primary;
                character = "?";
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(character);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private static boolean isLao(int codePoint) {
        return Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.LAO;
    }

    private boolean has(PDFont font, int codePoint) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            try {
                font.encode(Character.toString(c));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    private static PDFont load(PDDocument document, String file) {
        try (InputStream in = PdfText.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the classpath");
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
