package org.rectrack.recommendations.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs made in the test with PDFBox, as a report's PDF is laid out: the text set in lines of a column's width on A4
 * pages, a paragraph's lines broken wherever a word no longer fits.
 */
final class TestPdfs {

    private static final float FONT_SIZE = 10;
    private static final float LEADING = 12;
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private TestPdfs() {
    }

    static byte[] of(String text) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\\R", -1)) {
                lines.addAll(wrap(printable(paragraph, font), font));
            }
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int first = 0; first < lines.size(); first += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String paragraph, PDType1Font font) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000 * FONT_SIZE > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The standard font encodes Latin-1 and a few marks more; what else a narrative holds becomes a space. */
    private static String printable(String text, PDType1Font font) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(c -> {
            String character = Character.toString(c);
            try {
                font.encode(character);
                printable.append(c == '\t' ? " " : character);
            } catch (IOException | IllegalArgumentException e) {
                printable.append(' ');
            }
        });
        return printable.toString();
    }
}
