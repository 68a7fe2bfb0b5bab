package org.rectrack.recommendations.importing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;

/**
 * The text of a report's PDF (PDFBox's text extraction, in reading order), for an import; a body that is no PDF, is
 * locked with a password, holds no text or more than a whole report's is refused with a problem that says so.
 */
final class ReportPdf {

    static final String MEDIA_TYPE = "application/pdf";

    /** A year's TIP Report has about 600 pages; a file of many more is no report. */
    static final int MAX_PAGES = 3000;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private ReportPdf() {
    }

    /**
     * @param body the PDF's bytes
     * @return its text, pages separated by form feeds
     * @throws ProblemException 400 for an empty body, no PDF or a locked one; 413 for more pages or text than a report
     *                          has; 422 for a PDF without text (pages scanned as images)
     */
    static String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "is empty: send the report's PDF");
        }
        if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw ProblemException.badRequest("body", "is not a PDF (a PDF begins with %PDF-): send the report's PDF,"
                    + " or its text as text/plain");
        }
        BoundedText text = new BoundedText(ReportTextParser.MAX_REPORT_LENGTH);
        try (PDDocument document = Loader.loadPDF(body)) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw tooLarge("has " + document.getNumberOfPages() + " pages, more than the " + MAX_PAGES
                        + " a report may have");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\n\f");
            stripper.writeText(document, text);
        } catch (InvalidPasswordException e) {
            throw ProblemException.badRequest("body", "is a PDF locked with a password: send one that opens without");
        } catch (BoundedText.Full e) {
            throw tooLarge("holds more than the " + ReportTextParser.MAX_REPORT_LENGTH
                    + " characters of text a whole report may have");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("body", "cannot be read as a PDF (" + e.getClass().getSimpleName()
                    + "): send the report's PDF as published, or its text as text/plain");
        }
        String extracted = text.toString();
        if (extracted.isBlank()) {
            throw ProblemException.unprocessable("body", "the PDF holds no text (its pages may be scanned images):"
                    + " send the report's text as text/plain");
        }
        return extracted;
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Body too large", "body: the PDF " + detail,
                List.of(new FieldError("body", "the PDF " + detail)));
    }

    /** A writer that keeps at most so many characters, and stops the extraction past them. */
    private static final class BoundedText extends Writer {

        /** Thrown past the bound: unchecked, so that PDFBox does not take it for a failure of the file. */
        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        private final StringBuilder text = new StringBuilder();
        private final int max;

        BoundedText(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            if (text.length() + length > max) {
                throw new Full();
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
