package org.rectrack.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectrack.platform.validation.UnicodeText;

/**
 * The compliance report's PDF as a reader sees it: Lao set as Lao is set (marks stacked, not on top of each other),
 * text that copies out as it went in, no character silently lost, and the same bytes for the same report.
 */
class CompliancePdfTest {

    private static final String LAO_WORDS = "ເຈົ້າ ກົດໝາຍ ຕຳຫຼວດ";

    /**
     * In ເຈົ້າ the vowel sign ົ (U+0EBB) sits above the consonant ຈ and the tone mark ້ (U+0EC9) above the vowel
     * sign, as every Lao typeface stacks them: the tone mark's ink lies wholly above the vowel's, and both stand over
     * the consonant. Without the font's mark positioning (GPOS), both take their default height and overlap.
     */
    @Test
    void aToneMarkStandsAboveTheVowelSignOverTheSameConsonant() throws IOException {
        byte[] pdf = CompliancePdf.render(SampleReports.report(LAO_WORDS, "ຝຶກອົບຮົມ " + LAO_WORDS));

        List<List<Glyph>> words = consonantsWithTwoMarks(glyphs(pdf), "ເ", "ຈ");

        assertThat(words).as("ເຈົ້າ in the recommendation and in the evidence summary").hasSizeGreaterThanOrEqualTo(2);
        for (List<Glyph> word : words) {
            Rectangle2D consonant = word.get(1).ink();
            Rectangle2D vowel = word.get(2).ink();
            Rectangle2D tone = word.get(3).ink();
            assertThat(tone.getMinY()).as("bottom of the tone mark above the top of the vowel sign (page space, y up)")
                    .isGreaterThanOrEqualTo(vowel.getMaxY());
            assertThat(vowel.getMinY()).as("the vowel sign above the consonant").isGreaterThanOrEqualTo(consonant.getMaxY());
            for (Rectangle2D mark : List.of(vowel, tone)) {
                assertThat(mark.getCenterX()).as("a mark over its consonant")
                        .isBetween(consonant.getMinX(), consonant.getMaxX());
            }
        }
    }

    @Test
    void laoTextCopiesOutOfThePdfAsItWentIn() throws IOException {
        String summary = "ກະຊວງ ປ້ອງກັນ ຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ";
        byte[] pdf = CompliancePdf.render(SampleReports.report(LAO_WORDS + " ດ່ຳ ສືບສວນ ແລະ ດຳເນີນຄະດີ", summary));

        String text = text(pdf);

        assertThat(text).contains(LAO_WORDS + " ດ່ຳ ສືບສວນ ແລະ ດຳເນີນຄະດີ").contains(summary)
                .contains("LAO-2023-01").contains("Increase efforts to identify victims");
    }

    /**
     * Input refuses what the report's fonts cannot draw (UnicodeText in platform); what was recorded before that rule
     * shows its code point, so that a reader sees something is there, never a "?" that could have been typed.
     */
    @Test
    void aCharacterNoEmbeddedFontHasShowsItsCodePointNeverAQuestionMark() throws IOException {
        byte[] pdf = CompliancePdf.render(SampleReports.report("Train police 中 😀 now", "ຕຳຫຼວດ"));

        String text = text(pdf);

        assertThat(text).contains("Train police [U+4E2D] [U+1F600] now").doesNotContain("?");
    }

    /** Input and the PDF agree: every character that text entering rectrack may hold, some embedded font draws. */
    @Test
    void everyCharacterInputAcceptsIsDrawnByAnEmbeddedFont() {
        PdfText text = new PdfText();
        List<String> undrawn = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            boolean layout = codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
            if (UnicodeText.printable(codePoint) && !layout
                    && !(text.draws(codePoint, false) && text.draws(codePoint, true))) {
                undrawn.add("U+%04X".formatted(codePoint));
            }
        }
        assertThat(undrawn).isEmpty();
    }

    @Test
    void thePdfStatesBothTimesAndTheFingerprintOfItsData() throws IOException {
        ComplianceReport report = SampleReports.report();

        String text = text(CompliancePdf.render(report));

        assertThat(text).contains("As of 2023-12-31, as known at 2024-01-15T09:00:00Z")
                .contains("Data SHA-256: " + report.dataSha256());
        try (PDDocument pdf = Loader.loadPDF(CompliancePdf.render(report))) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(report.knownAt());
        }
    }

    /** The same report renders to the same bytes at another second of the clock. */
    @Test
    void theSameReportRendersToTheSameBytesLater() {
        ComplianceReport report = SampleReports.report();
        byte[] first = CompliancePdf.render(report);
        long second = Instant.now().getEpochSecond();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > second);

        assertThat(CompliancePdf.render(report)).isEqualTo(first);
    }

    /**
     * And in another JVM: nothing of the process (hash codes, the order of a map, a random id) reaches the bytes.
     */
    @Test
    void theSameReportRendersToTheSameBytesInAnotherJvm(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("other-jvm.pdf");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RenderSamplePdf.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("other-jvm.log").toFile()).start();
        assertThat(other.waitFor(2, TimeUnit.MINUTES)).as("the other JVM finishes").isTrue();
        assertThat(other.exitValue()).as(Files.readString(directory.resolve("other-jvm.log"))).isZero();

        assertThat(Files.readAllBytes(file)).isEqualTo(CompliancePdf.render(SampleReports.report()));
    }

    /** One glyph shown on a page: the text it stands for (empty when another glyph carries it) and its ink. */
    record Glyph(String unicode, Rectangle2D ink) {
    }

    /** Every glyph the PDF shows, in the order shown, with its ink box in page space. */
    static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                    throws IOException {
                AffineTransform toPage = textRenderingMatrix.createAffineTransform();
                toPage.concatenate(font.getFontMatrix().createAffineTransform());
                Rectangle2D ink = toPage.createTransformedShape(((PDVectorFont) font).getNormalizedPath(code))
                        .getBounds2D();
                String unicode = font.toUnicode(code);
                glyphs.add(new Glyph(unicode == null ? "" : unicode, ink));
                super.showGlyph(textRenderingMatrix, font, code, displacement);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return glyphs;
    }

    /**
     * Each place where {@code before} is followed by a glyph standing for {@code consonant} (alone, or with the marks
     * on it when they carry no text of their own): that glyph, the one before and the two after it (the marks, drawn in
     * the order of the text).
     */
    private static List<List<Glyph>> consonantsWithTwoMarks(List<Glyph> glyphs, String before, String consonant) {
        List<List<Glyph>> found = new ArrayList<>();
        for (int i = 1; i + 2 < glyphs.size(); i++) {
            if (glyphs.get(i - 1).unicode().equals(before) && glyphs.get(i).unicode().startsWith(consonant)) {
                found.add(glyphs.subList(i - 1, i + 3));
            }
        }
        return found;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
