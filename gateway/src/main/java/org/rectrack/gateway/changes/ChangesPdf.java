package org.rectrack.gateway.changes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.changes.api.YearOverYear.Line;
import org.rectrack.gateway.changes.api.YearOverYear.Repeated;
import org.rectrack.gateway.compliance.PdfText;

/**
 * A year's changes as a PDF, set as the compliance report is ({@link PdfText}: Lao shaped, text selectable): the tier
 * change, then the new, repeated and dropped recommendations. The word-level difference is written in word-diff
 * notation ({@code [-removed-]} {@code {+added+}}, explained on the first page), not in colour alone. The bytes depend
 * on the changes alone: the document's dates are its known-at instant and its ID is derived from what it answers.
 */
final class ChangesPdf {

    private static final float MARGIN = 50;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private final YearOverYear changes;
    private final PDDocument document = new PDDocument();
    private final PdfText text = new PdfText();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private PDPage page;
    private float y;

    private ChangesPdf(YearOverYear changes) {
        this.changes = changes;
    }

    /** The changes as the bytes of a PDF file; the same changes give the same bytes. */
    static byte[] render(YearOverYear changes) {
        ChangesPdf pdf = new ChangesPdf(changes);
        try (pdf.document) {
            return pdf.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        newPage();
        paragraph("What changed: " + changes.country() + " " + changes.year()
                + (changes.previous() == null ? "" : " against " + changes.previous().year()), 16, true, 0);
        paragraph(changes.report().title() + " (" + changes.report().publisher() + ")", 10, false, 0);
        if (changes.previous() == null) {
            paragraph("No earlier report on " + changes.country() + " is stored: every recommendation is new. Tier: "
                    + label(changes.report().tier().name()) + ".", 10, false, 0);
        } else {
            paragraph("Tier: " + label(changes.tierChange().from().name()) + " in " + changes.previous().year() + ", "
                    + label(changes.tierChange().to().name()) + " in " + changes.year() + " ("
                    + label(changes.tierChange().direction()) + ").", 10, true, 0);
        }
        paragraph("Status now as of " + changes.asOf() + (changes.previous() == null ? ""
                : "; status then as of " + changes.previous().statusAsOf()) + "; both as rectrack knew them at "
                + changes.knownAt() + ", from verified evidence only.", 9, false, 0);
        paragraph("Text differences: [-words removed-] {+words added+}.", 9, false, 0);
        y -= 6;
        section("New: first made in " + changes.year(), changes.newOnes(), "status");
        paragraph("Repeated from an earlier year (" + changes.repeated().size() + ")", 13, true, 0);
        for (Repeated repeated : changes.repeated()) {
            ensureSpace(50);
            paragraph(repeated.now().rank() + ". " + repeated.now().code() + " continues " + repeated.then().code()
                    + " · status then " + label(repeated.then().status().name()) + ", now "
                    + label(repeated.now().status().name()) + (repeated.reworded() ? " · reworded" : " · same text"),
                    10, true, 0);
            paragraph(repeated.reworded() ? ChangesCsv.wordDiff(repeated.textDiff()) : repeated.now().text(), 9, false,
                    14);
            y -= 4;
        }
        y -= 6;
        section(changes.previous() == null ? "Dropped" : "Dropped: made in " + changes.previous().year()
                + ", not repeated", changes.dropped(), "last status");
        content.close();
        footers();
        text.embed(document);
        stampMetadata();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private void section(String title, List<Line> lines, String statusLabel) throws IOException {
        paragraph(title + " (" + lines.size() + ")", 13, true, 0);
        for (Line line : lines) {
            ensureSpace(40);
            paragraph(line.rank() + ". " + line.code() + " · " + statusLabel + " " + label(line.status().name()), 10,
                    true, 0);
            paragraph(line.text(), 9, false, 14);
            y -= 4;
        }
        y -= 6;
    }

    private void paragraph(String value, float size, boolean bold, float indent) throws IOException {
        float leading = size * 1.35f;
        for (String line : text.wrap(value, WIDTH - indent, size, bold)) {
            ensureSpace(leading);
            text.show(content, page, line, MARGIN + indent, y - size, size, bold);
            y -= leading;
        }
    }

    private void ensureSpace(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            content.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void footers() throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true)) {
                String line = "What changed " + changes.country() + " " + changes.year() + " · as of " + changes.asOf()
                        + ", as known at " + changes.knownAt() + " · page " + (i + 1) + " of " + pages.size();
                text.show(footer, pages.get(i), line, MARGIN, MARGIN - 10, 6.5f, false);
            }
        }
    }

    private void stampMetadata() {
        Calendar knownAt = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        knownAt.setTimeInMillis(changes.knownAt().toEpochMilli());
        var info = document.getDocumentInformation();
        info.setTitle("What changed " + changes.country() + " " + changes.year() + " as of " + changes.asOf()
                + " as known at " + changes.knownAt());
        info.setProducer("rectrack");
        info.setCreationDate(knownAt);
        info.setModificationDate(knownAt);
        COSArray id = new COSArray();
        byte[] identity = identity();
        id.add(new COSString(identity));
        id.add(new COSString(identity));
        document.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /** 16 bytes of the SHA-256 of what names these changes (PDF 32000-1, 14.4): the same question, the same ID. */
    private byte[] identity() {
        try {
            String names = "rectrack changes\n" + changes.country() + "\n" + changes.year() + "\n" + changes.asOf() + "\n"
                    + changes.knownAt();
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
