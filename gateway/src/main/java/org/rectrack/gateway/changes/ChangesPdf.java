package org.rectrack.gateway.changes;

import static org.rectrack.gateway.compliance.PdfPages.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.changes.api.YearOverYear.Line;
import org.rectrack.gateway.changes.api.YearOverYear.Repeated;
import org.rectrack.gateway.compliance.PdfPages;

/**
 * A year's changes as a PDF, set as the compliance report is ({@link PdfText}: Lao shaped, text selectable): the tier
 * change, then the new, repeated and dropped recommendations. The word-level difference is written in word-diff
 * notation ({@code [-removed-]} {@code {+added+}}, explained on the first page), not in colour alone. The bytes depend
 * on the changes alone: the document's dates are its known-at instant and its ID is derived from what it answers.
 */
final class ChangesPdf {

    private final YearOverYear changes;
    private final PdfPages pdf;

    private ChangesPdf(YearOverYear changes, PdfPages pdf) {
        this.changes = changes;
        this.pdf = pdf;
    }

    /** The changes as the bytes of a PDF file; the same changes give the same bytes. */
    static byte[] render(YearOverYear changes) {
        try (PdfPages pages = new PdfPages()) {
            return new ChangesPdf(changes, pages).write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        pdf.paragraph("What changed: " + changes.country() + " " + changes.year()
                + (changes.previous() == null ? "" : " against " + changes.previous().year()), 16, true, 0);
        pdf.paragraph(changes.report().title() + " (" + changes.report().publisher() + ")", 10, false, 0);
        if (changes.previous() == null) {
            pdf.paragraph("No earlier report on " + changes.country() + " is stored: every recommendation is new. Tier: "
                    + label(changes.report().tier().name()) + ".", 10, false, 0);
        } else {
            pdf.paragraph("Tier: " + label(changes.tierChange().from().name()) + " in " + changes.previous().year() + ", "
                    + label(changes.tierChange().to().name()) + " in " + changes.year() + " ("
                    + label(changes.tierChange().direction()) + ").", 10, true, 0);
        }
        pdf.paragraph("Status now as of " + changes.asOf() + (changes.previous() == null ? ""
                : "; status then as of " + changes.previous().statusAsOf()) + "; both as rectrack knew them at "
                + changes.knownAt() + ", from verified evidence only.", 9, false, 0);
        pdf.paragraph("Text differences: [-words removed-] {+words added+}.", 9, false, 0);
        pdf.skip(6);
        section("New: first made in " + changes.year(), changes.newOnes(), "status");
        pdf.paragraph("Repeated from an earlier year (" + changes.repeated().size() + ")", 13, true, 0);
        for (Repeated repeated : changes.repeated()) {
            pdf.ensureSpace(50);
            pdf.paragraph(repeated.now().rank() + ". " + repeated.now().code() + " continues " + repeated.then().code()
                    + " · status then " + label(repeated.then().status().name()) + ", now "
                    + label(repeated.now().status().name()) + (repeated.reworded() ? " · reworded" : " · same text"),
                    10, true, 0);
            pdf.paragraph(repeated.reworded() ? ChangesCsv.wordDiff(repeated.textDiff()) : repeated.now().text(), 9, false,
                    14);
            pdf.skip(4);
        }
        pdf.skip(6);
        section(changes.previous() == null ? "Dropped" : "Dropped: made in " + changes.previous().year()
                + ", not repeated", changes.dropped(), "last status");
        return pdf.finish((page, pages) -> "What changed " + changes.country() + " " + changes.year() + " · as of "
                + changes.asOf() + ", as known at " + changes.knownAt() + " · page " + page + " of " + pages,
                "What changed " + changes.country() + " " + changes.year() + " as of " + changes.asOf()
                        + " as known at " + changes.knownAt(),
                changes.knownAt(),
                "rectrack changes\n" + changes.country() + "\n" + changes.year() + "\n" + changes.asOf() + "\n"
                        + changes.knownAt());
    }

    private void section(String title, List<Line> lines, String statusLabel) throws IOException {
        pdf.paragraph(title + " (" + lines.size() + ")", 13, true, 0);
        for (Line line : lines) {
            pdf.ensureSpace(40);
            pdf.paragraph(line.rank() + ". " + line.code() + " · " + statusLabel + " " + label(line.status().name()), 10,
                    true, 0);
            pdf.paragraph(line.text(), 9, false, 14);
            pdf.skip(4);
        }
        pdf.skip(6);
    }
}
