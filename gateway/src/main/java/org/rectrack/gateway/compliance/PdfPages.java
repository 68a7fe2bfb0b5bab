package org.rectrack.gateway.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.BiFunction;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A reproducible A4 document written top to bottom (PDFBox, text through {@link PdfText}): wrapped paragraphs, a new
 * page when the next piece does not fit, a footer on every page, and nothing taken from the clock, so the same content
 * gives the same bytes. The creation date is the instant the content is as known at, and the trailer's {@code /ID}
 * (PDF 32000-1, 14.4) is derived from what names the content. Lengths are in PDF points (1/72 inch); {@link #y()} is
 * the top of the space left on the page.
 */
public final class PdfPages implements AutoCloseable {

    public static final float MARGIN = 50;
    public static final PDRectangle SIZE = PDRectangle.A4;
    /** The width between the margins. */
    public static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PdfText text = new PdfText();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private PDPage page;
    private float y;

    /** A document with its first page open. */
    public PdfPages() throws IOException {
        newPage();
    }

    /** Writes the text wrapped to the width left after {@code indent}, {@code size} points, over pages as needed. */
    public void paragraph(String value, float size, boolean bold, float indent) throws IOException {
        float leading = size * 1.35f;
        for (String line : text.wrap(value, WIDTH - indent, size, bold)) {
            ensureSpace(leading);
            text.show(content, page, line, MARGIN + indent, y - size, size, bold);
            y -= leading;
        }
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    public void ensureSpace(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            content.close();
            newPage();
        }
    }

    /** Leaves {@code height} points blank (or marks them used by what was drawn there). */
    public void skip(float height) {
        y -= height;
    }

    public float y() {
        return y;
    }

    /** The open page's content, for drawing other than paragraphs (a chart, a table row). */
    public PDPageContentStream content() {
        return content;
    }

    public PDPage page() {
        return page;
    }

    public PdfText text() {
        return text;
    }

    /**
     * Ends the document: a footer on every page, the fonts embedded, the metadata set, the bytes written.
     *
     * @param footer  the footer line, given the page's number (from 1) and the number of pages
     * @param title   the document's title
     * @param knownAt the instant the content is as known at: the creation and modification date
     * @param names   what names the content (its question), from which the {@code /ID} is derived
     * @return the PDF file's bytes
     */
    public byte[] finish(BiFunction<Integer, Integer, String> footer, String title, Instant knownAt, String names)
            throws IOException {
        content.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream stream = new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true)) {
                text.show(stream, pages.get(i), footer.apply(i + 1, pages.size()), MARGIN, MARGIN - 10, 6.5f, false);
            }
        }
        text.embed(document);
        Calendar known = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        known.setTimeInMillis(knownAt.toEpochMilli());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("rectrack");
        info.setCreationDate(known);
        info.setModificationDate(known);
        // PDFBox would derive the trailer's /ID from the clock; both halves are the same at creation (14.4).
        COSArray id = new COSArray();
        byte[] identity = identity(names);
        id.add(new COSString(identity));
        id.add(new COSString(identity));
        document.getDocument().getTrailer().setItem(COSName.ID, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A constant's words as a label: {@code IN_PROGRESS} → "In progress". */
    public static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void newPage() throws IOException {
        page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** 16 bytes of the SHA-256 of the names. */
    private static byte[] identity(String names) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
