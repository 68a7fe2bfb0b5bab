package org.rectrack.gateway.compliance;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Text in a PDF in Latin and Lao script, shaped as the fonts say it must be: each run of characters is set in a font
 * that has its glyphs (Noto Sans, Noto Sans Lao, both embedded as subsets), shaped by the JDK's text layout, and the
 * shaped glyphs are written with their positions.
 * <p>
 * <b>Why this way.</b> Lao stacks its marks: in ເຈົ້າ the vowel sign ົ sits on the consonant and the tone mark ້ on
 * the vowel sign. The font says where, in its GPOS (mark-to-base, mark-to-mark) and GSUB (alternate mark forms)
 * tables. PDFBox does not apply them for Lao (it shows each character's default glyph at its default place, so the
 * tone mark collided with the vowel sign). The JDK's text layout does: {@link Font#layoutGlyphVector} runs HarfBuzz
 * (Java2D's shaper since JDK 11) over the embedded TrueType file, and gives glyph ids, their positions and the
 * characters each glyph stands for. The alternatives weighed: pdfbox-graphics2d (drawing a TextLayout through a
 * Graphics2D bridge) is not served by the Maven repository here and would draw text as shapes; openhtmltopdf shapes
 * no Lao (it takes bidi from ICU4J, not shaping). Shaping ourselves keeps the text as text: selectable and searchable.
 * <p>
 * <b>Copying text out.</b> A PDF reader maps glyphs back to characters by the font's ToUnicode map. After shaping a
 * glyph may stand for two characters (ຳ after a consonant is drawn by the consonant's cluster) or none, and one glyph
 * may stand for different characters in different places; so each font gets its own character ids (CIDs), one per
 * pair of glyph and text it stands for, mapped to the glyph by the font's CIDToGIDMap and to the text by its
 * ToUnicode map. Copying gives back the characters that were set, in their order.
 * <p>
 * <b>Same bytes.</b> CIDs are numbered in the order the text is shown, subsets hold exactly the glyphs shown, and
 * the subset tag is derived from those glyphs: nothing depends on the clock or the process. The bytes do depend on
 * this code, the fonts, PDFBox and the JDK's HarfBuzz: upgrading one of them may move a glyph, which is why an issued
 * report is proved by its stored hash and regeneration with the same build.
 * <p>
 * A character none of the fonts has is refused when text enters rectrack (platform {@code UnicodeText}); text
 * recorded before that rule shows such a character by its code point, {@code [U+4E2D]}, never as a silent "?".
 */
public final class PdfText {

    /** Glyph positions in thousandths of an em, the unit of PDF glyph space; no hinting, fractional advances. */
    private static final FontRenderContext UNHINTED = new FontRenderContext(null, false, true);
    private static final float EM = 1000f;
    /** The JDK's layout writes these for characters it draws as nothing (line ends, zero-width controls). */
    private static final int INVISIBLE_GLYPH = 0xFFFE;
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    /**
     * Positions below this many thousandths of an em (some 4,000 ems) are {@link #isWhole whole} for {@link #show}:
     * floats hold every integer up to 2^24 exactly, and a line adds a glyph's position to where its word starts.
     */
    private static final float WHOLE_UNITS_LIMIT = 1 << 22;
    /** The last {@link #simple} character. */
    private static final char LAST_SIMPLE = 0x205E;
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R+");

    private static final Map<String, Loaded> LOADED = new HashMap<>();
    /** Glyphs each face keeps shaped: a few reports' words, some 4 MB (some 40 bytes a glyph, its text shared). */
    private static final int KEPT_GLYPHS = 100_000;
    /** The characters below U+0300, each as a string: what a glyph of Latin text mostly stands for. */
    private static final String[] LATIN_STRINGS = new String[0x300];

    static {
        Arrays.setAll(LATIN_STRINGS, c -> String.valueOf((char) c));
    }

    /**
     * A TrueType file read once per JVM: the JDK font that shapes with it, the font as PDFBox parsed it (which each
     * document's subset is cut from), each glyph's advance width (by glyph id) in whole thousandths of an em, as the
     * PDF's W array gives it, which {@link #simple} characters it draws (by character, up to the last simple one), and
     * the texts it shaped last.
     */
    private record Loaded(String file, Font shaper, TrueTypeFont parsed, int[] widths, boolean[] drawsSimple,
            Shapings shapings) {
    }

    /**
     * A text as one face shapes it: its glyphs, and how far it advances in thousandths of an em; whether every glyph
     * sits on the baseline at a whole number of thousandths ({@link #onWholeUnits}).
     */
    record Shaping(List<ShapedGlyph> glyphs, float advance, boolean onWholeUnits) {

        Shaping(List<ShapedGlyph> glyphs, float advance) {
            this(glyphs, advance, onWholeUnits(glyphs));
        }

        /**
         * Whether the glyphs all sit on the baseline, each at a whole number of thousandths of an em well inside a
         * float's exact integers (a face of 1,000 units to the em with no fractional positioning gives that, as the
         * Latin faces do): then every sum and difference {@link PdfText#show} forms from their positions and the
         * faces' whole widths is exact, and the same wherever on a line the text stands.
         */
        private static boolean onWholeUnits(List<ShapedGlyph> glyphs) {
            for (ShapedGlyph glyph : glyphs) {
                if (glyph.y() != 0 || !isWhole(glyph.x())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A whole number of thousandths of an em, small enough that adding a line's worth of them stays exact. */
    private static boolean isWhole(float units) {
        return units == Math.rint(units) && Math.abs(units) < WHOLE_UNITS_LIMIT;
    }

    /**
     * The texts a face shaped last, at most so many glyphs of them ({@link #KEPT_GLYPHS}), the least recently used
     * forgotten first: a word cache, as text engines keep one per font. Shaping is a function of the font and the text
     * alone, so a document comes out the same whatever the cache holds; what it saves is shaping the words every
     * document repeats (a dense country's report shapes some 3,000 words, a fifth of its layout).
     */
    static final class Shapings {

        private final Map<String, Shaping> recent = new LinkedHashMap<>(256, 0.75f, true);
        private final int keptGlyphs;
        private int glyphs;

        Shapings(int keptGlyphs) {
            this.keptGlyphs = keptGlyphs;
        }

        synchronized Shaping get(String text) {
            return recent.get(text);
        }

        synchronized void put(String text, Shaping shaping) {
            Shaping replaced = recent.put(text, shaping);
            glyphs += shaping.glyphs().size() - (replaced == null ? 0 : replaced.glyphs().size());
            Iterator<Shaping> eldest = recent.values().iterator();
            while (glyphs > keptGlyphs && eldest.hasNext()) {
                glyphs -= eldest.next().glyphs().size();
                eldest.remove();
            }
        }
    }

    /** One glyph as shaped: the glyph id, the text it stands for, its position in thousandths of an em. */
    record ShapedGlyph(int glyph, String text, float x, float y) {
    }

    private final Face latin;
    private final Face latinBold;
    private final Face lao;
    private final Face laoBold;
    private final List<Face> faces;
    /** Wrapping measures the same words again and again; each run is shaped once, and measured once. */
    private final Map<Run, Shaping> shaped = new HashMap<>();
    /**
     * The operands {@link #show} writes for a word {@link Shaping#onWholeUnits on whole units}, once a document: its
     * glyphs' CIDs in hex with the moves between them, which are the same wherever the word stands. Most of a report's
     * words come again and again.
     */
    private final Map<Run, String> shownGlyphs = new HashMap<>();
    private final Map<Run, Float> advances = new HashMap<>();
    /** Wrapping measures each word many times: texts' widths in thousandths of an em, regular and bold. */
    private final Map<String, Float> regularWidths = new HashMap<>();
    private final Map<String, Float> boldWidths = new HashMap<>();

    public PdfText() {
        this.latin = new Face("F1", load("NotoSans-Regular.ttf"));
        this.latinBold = new Face("F2", load("NotoSans-Bold.ttf"));
        this.lao = new Face("F3", load("NotoSansLao-Regular.ttf"));
        this.laoBold = new Face("F4", load("NotoSansLao-Bold.ttf"));
        this.faces = List.of(latin, latinBold, lao, laoBold);
    }

    /** Whether one of the faces (bold or regular, as asked) draws {@code codePoint}. */
    public boolean draws(int codePoint, boolean bold) {
        return (bold ? latinBold : latin).has(codePoint) || (bold ? laoBold : lao).has(codePoint);
    }

    /** The width of {@code text} set at {@code size} points, as shaped. */
    public float width(String text, float size, boolean bold) {
        Map<String, Float> known = bold ? boldWidths : regularWidths;
        Float width = known.get(text);
        if (width == null) {
            width = 0f;
            for (Run run : runs(text, bold)) {
                width += advance(run);
            }
            known.put(text, width);
        }
        return width / EM * size;
    }

    /**
     * Sets {@code text} on one line of {@code page}, its baseline starting at ({@code x}, {@code y}): each glyph by its
     * CID, placed where shaping put it. PDFBox's {@code showText} can only encode characters, not shaped glyphs, so
     * the font selection and the glyphs are written as raw operators (PDF 32000-1, 9.3 and 9.4): each stretch of
     * glyphs on one baseline offset (a Lao mark raised or lowered starts a stretch of its own) is placed once by its
     * text matrix (Tm) and shown by one TJ, whose numbers move the next glyph from where the previous one's width in
     * the font's W array left it to where shaping put it.
     */
    public void show(PDPageContentStream content, PDPage page, String text, float x, float y, float size, boolean bold)
            throws IOException {
        StringBuilder operators = new StringBuilder(64 + 12 * text.length()).append("BT\n");
        float at = x;
        for (Run run : runs(text, bold)) {
            Face face = run.face();
            COSDictionary resources = page.getResources().getCOSObject();
            COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                fonts = new COSDictionary();
                resources.setItem(COSName.FONT, fonts);
            }
            fonts.setItem(face.resourceName(), face.dictionary());
            operators.append('/').append(face.resource).append(' ').append(number(size)).append(" Tf\n");
            // A run shaped word by word is shown from its words' shapings, one after the other.
            Stretch stretch = new Stretch(operators, at, y, size);
            float partAt = 0;
            for (Run part : byWords(run) ? words(run) : List.of(run)) {
                Shaping shaped = shape(part);
                List<ShapedGlyph> glyphs = shaped.glyphs();
                if (shaped.onWholeUnits() && isWhole(partAt) && !glyphs.isEmpty()) {
                    // Exact arithmetic (see Shaping.onWholeUnits): after its first glyph, the word's operands are
                    // the same wherever it stands, and written as they were the first time.
                    ShapedGlyph first = glyphs.getFirst();
                    stretch.moveTo(partAt + first.x(), first.y());
                    operators.append(shownGlyphs.computeIfAbsent(part, word -> operands(face, glyphs)));
                    ShapedGlyph last = glyphs.getLast();
                    stretch.pen = partAt + last.x() + face.width(last.glyph());
                } else {
                    for (ShapedGlyph glyph : glyphs) {
                        float glyphX = partAt + glyph.x();
                        stretch.moveTo(glyphX, glyph.y());
                        appendHex(operators, face.cid(glyph.glyph(), glyph.text()));
                        stretch.pen = glyphX + face.width(glyph.glyph());
                    }
                }
                partAt += shaped.advance();
            }
            stretch.end();
            at += partAt / EM * size;
        }
        content.appendRawCommands(operators.append("ET\n").toString());
    }

    /**
     * A stretch of a run's glyphs on one baseline offset (a Lao mark raised or lowered starts one of its own): placed
     * once by its text matrix (Tm) and shown by one TJ, whose numbers move the next glyph from where the previous one's
     * width in the font's W array left it ({@link #pen}, in thousandths of an em from the run's start) to where
     * shaping put it.
     */
    private static final class Stretch {

        private final StringBuilder operators;
        private final float at;
        private final float y;
        private final float size;
        private boolean open;
        private float offset;
        private float pen;

        Stretch(StringBuilder operators, float at, float y, float size) {
            this.operators = operators;
            this.at = at;
            this.y = y;
            this.size = size;
        }

        /** Gets ready to show a glyph at {@code glyphX} from the run's start, {@code glyphY} off the baseline. */
        void moveTo(float glyphX, float glyphY) {
            if (!open || glyphY != offset) {
                end();
                offset = glyphY;
                operators.append("1 0 0 1 ").append(number(at + glyphX / EM * size)).append(' ')
                        .append(number(y + offset / EM * size)).append(" Tm [<");
                pen = glyphX;
                open = true;
            }
            appendMove(operators, pen, glyphX);
        }

        void end() {
            if (open) {
                operators.append(">] TJ\n");
                open = false;
            }
        }
    }

    /**
     * A word's glyphs as {@link #show} writes them inside a TJ, from its first glyph's CID on: each CID in hex, and a
     * move before each glyph that does not stand where the previous one's width left the position.
     */
    private static String operands(Face face, List<ShapedGlyph> glyphs) {
        StringBuilder operands = new StringBuilder(4 * glyphs.size());
        float pen = glyphs.getFirst().x();
        for (ShapedGlyph glyph : glyphs) {
            appendMove(operands, pen, glyph.x());
            appendHex(operands, face.cid(glyph.glyph(), glyph.text()));
            pen = glyph.x() + face.width(glyph.glyph());
        }
        return operands.toString();
    }

    /**
     * Inside a TJ's hex string: the number that moves the next glyph from {@code pen} to {@code glyphX} (thousandths of
     * an em), if it moves at all; less than half of the three decimals a number is written with is no move.
     */
    private static void appendMove(StringBuilder operators, float pen, float glyphX) {
        if (Math.abs(pen - glyphX) >= 0.0005f) {
            operators.append("> ").append(number(pen - glyphX)).append(" <");
        }
    }

    /** A CID as the four hex digits of a two-byte code (Identity-H). */
    private static void appendHex(StringBuilder operators, int cid) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            operators.append(HEX_DIGITS[cid >> shift & 0xF]);
        }
    }

    /** A PDF number (7.3.3): no exponent, at most three decimals, the same digits for the same value. */
    private static String number(float value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Splits text into lines no wider than {@code maxWidth}: at spaces, or inside a word too long for a line. */
    public List<String> wrap(String text, float maxWidth, float size, boolean bold) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs(text.strip())) {
            String[] words = spaceSeparated(paragraph.strip());
            String line = "";
            int next = 0;
            while (next < words.length) {
                int fitting = fitting(line, words, next, maxWidth, size, bold);
                line = joined(line, words, next, fitting);
                next += fitting;
                if (next == words.length) {
                    break;
                }
                // The next word does not fit after the line: it starts the next one, cut if no line holds it.
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                String rest = words[next++];
                while (width(rest, size, bold) > maxWidth) {
                    int cut = fittingPrefix(rest, maxWidth, size, bold);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line = rest;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The text's paragraphs, split at line breaks ({@code \R}); most texts have none, and skip the expression. */
    private static String[] paragraphs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return LINE_BREAKS.split(text);
            }
        }
        return new String[] { text };
    }

    /** The words of a paragraph without line breaks: split at spaces, however many stand together. */
    private static String[] spaceSeparated(String paragraph) {
        String[] parts = paragraph.split(" ");
        int words = 0;
        for (String part : parts) {
            if (!part.isEmpty()) {
                parts[words++] = part;
            }
        }
        return words == parts.length ? parts : Arrays.copyOf(parts, words);
    }

    /**
     * How many of the words from {@code from} on fit after {@code line} (each after a space), set as one line: the
     * count the words' own widths give. Simple Latin text is shaped a word at a time ({@link #byWords}), so for it
     * that count is exact; any other is checked by shaping the line with that many words and with one more. A line
     * only grows wider with each word, so that is the count adding them one by one and shaping each time gives, in
     * two shapings instead of one a word.
     */
    private int fitting(String line, String[] words, int from, float maxWidth, float size, boolean bold) {
        float space = width(" ", size, bold);
        float estimate = line.isEmpty() ? -space : width(line, size, bold);
        int count = 0;
        while (from + count < words.length) {
            estimate += space + width(words[from + count], size, bold);
            if (estimate > maxWidth) {
                break;
            }
            count++;
        }
        if (simpleLatin(line, words, from, count + 1, bold)) {
            return count;
        }
        while (count > 0 && width(joined(line, words, from, count), size, bold) > maxWidth) {
            count--;
        }
        while (from + count < words.length && width(joined(line, words, from, count + 1), size, bold) <= maxWidth) {
            count++;
        }
        return count;
    }

    /** Whether the line and the {@code count} words from {@code from} on (those there are) are simple Latin text. */
    private boolean simpleLatin(String line, String[] words, int from, int count, boolean bold) {
        Face face = bold ? latinBold : latin;
        if (!allSimple(line, face)) {
            return false;
        }
        for (int i = from; i < Math.min(words.length, from + count); i++) {
            if (!allSimple(words[i], face)) {
                return false;
            }
        }
        return true;
    }

    /** The line with {@code count} words from {@code from} on after it, a space before each but a first. */
    private static String joined(String line, String[] words, int from, int count) {
        StringBuilder joined = new StringBuilder(line);
        for (int i = from; i < from + count; i++) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(words[i]);
        }
        return joined.toString();
    }

    /** Writes every font used into the document: call once, after the last text is shown. */
    public void embed(PDDocument document) throws IOException {
        for (Face face : faces) {
            face.embed(document);
        }
    }

    /** Lao writes no spaces between words: a long word is cut between two letters, never before a mark. */
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
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** A run of text set in one face. */
    private record Run(Face face, String text) {

        // Written out: a record's own equals and hashCode go through method handles, slow on the C1 compiler alone.
        @Override
        public boolean equals(Object other) {
            return other instanceof Run run && face == run.face && text.equals(run.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode() * 31 + System.identityHashCode(face);
        }
    }

    /**
     * Whether a character is simple Latin text: printable Basic Latin, Latin-1 and Latin Extended (below the combining
     * marks at U+0300) or General Punctuation's dashes, quotes, bullets and signs (U+2010 to U+2027, U+2030 to U+205E).
     * Each such character is a grapheme of its own (UAX #29: no mark, no joiner, no line end among them), and the
     * Latin faces position none of them against a space (LatinFacesTest).
     */
    static boolean simple(char c) {
        return c >= ' ' && c < 0x7F || c >= 0xA0 && c < 0x300 || c >= 0x2010 && c <= 0x2027
                || c >= 0x2030 && c <= LAST_SIMPLE;
    }

    private static String simpleText(char c) {
        return c < LATIN_STRINGS.length ? LATIN_STRINGS[c] : String.valueOf(c);
    }

    /**
     * Splits text into runs by face: Lao letters in the Lao face; a mark, a space, a digit or punctuation (what
     * Unicode gives no script of its own) stays in the face of the run it follows when that face has it, so that a
     * mark is shaped with its letter; everything else in the Latin face, or the Lao face when only it has it.
     */
    private List<Run> runs(String text, boolean bold) {
        Face primary = bold ? latinBold : latin;
        Face secondary = bold ? laoBold : lao;
        if (allSimple(text, primary)) {
            return text.isEmpty() ? List.of() : List.of(new Run(primary, text));
        }
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Face currentFace = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint)) {
                codePoint = ' ';
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            boolean neutral = script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
            Face face;
            boolean missing = false;
            if (script == Character.UnicodeScript.LAO && secondary.has(codePoint)) {
                face = secondary;
            } else if (neutral && currentFace != null && currentFace.has(codePoint)) {
                face = currentFace;
            } else if (primary.has(codePoint)) {
                face = primary;
            } else if (secondary.has(codePoint)) {
                face = secondary;
            } else {
                face = primary;
                missing = true;
            }
            if (face != currentFace && !current.isEmpty()) {
                runs.add(new Run(currentFace, current.toString()));
                current.setLength(0);
            }
            currentFace = face;
            if (missing) {
                current.append("[U+%04X]".formatted(codePoint));
            } else {
                current.appendCodePoint(codePoint);
            }
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFace, current.toString()));
        }
        return runs;
    }

    /** Whether every character is {@link #simple} and drawn by the face: the text is one run in it. */
    private static boolean allSimple(String text, Face face) {
        boolean[] drawn = face.loaded.drawsSimple();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= drawn.length || !drawn[c]) {
                return false;
            }
        }
        return true;
    }

    /** A run shaped, once a document: a word of {@link #simpleLatin} text, or a run of any other. */
    private Shaping shape(Run run) {
        return shaped.computeIfAbsent(run, key -> run.face().shape(run.text()));
    }

    /** How far a run advances, as {@link #shape} gives it; without the glyphs' texts, which only showing needs. */
    private float advance(Run run) {
        Shaping known = shaped.get(run);
        if (known != null) {
            return known.advance();
        }
        if (simpleLatin(run)) {
            // Latin text is shaped a word at a time, each word once (see byWords): most words measured are shown.
            float advance = 0;
            for (Run word : words(run)) {
                advance += shape(word).advance();
            }
            return advance;
        }
        return advances.computeIfAbsent(run, key -> run.face().advance(run.text()));
    }

    /**
     * Whether a run is shaped word by word: {@link #simpleLatin} text of more than one word. Its faces position no
     * glyph against a space (LatinFacesTest), so a line shaped whole and one set from its words, each shaped once
     * a document, place every glyph alike; Lao, whose words run together, is shaped a run at a time.
     */
    private boolean byWords(Run run) {
        return run.text().length() > 1 && run.text().indexOf(' ') >= 0 && simpleLatin(run);
    }

    /** Whether a run is in a Latin face and each of its characters {@link #simple}. */
    private boolean simpleLatin(Run run) {
        return (run.face() == latin || run.face() == latinBold) && allSimple(run.text(), run.face());
    }

    /** The run's words and the spaces between them, each a run of its own, in order; a word or a space alone. */
    private static List<Run> words(Run run) {
        String text = run.text();
        if (text.length() < 2 || text.indexOf(' ') < 0) {
            return List.of(run);
        }
        List<Run> words = new ArrayList<>();
        int start = 0;
        for (int space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', start)) {
            if (space > start) {
                words.add(new Run(run.face(), text.substring(start, space)));
            }
            words.add(new Run(run.face(), " "));
            start = space + 1;
        }
        if (start < text.length()) {
            words.add(new Run(run.face(), text.substring(start)));
        }
        return words;
    }

    private static Loaded load(String file) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(file, name -> {
                try (InputStream in = PdfText.class.getResourceAsStream("/fonts/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("font " + name + " is missing from the classpath");
                    }
                    byte[] bytes = in.readAllBytes();
                    Font shaper = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(EM);
                    boolean[] drawsSimple = new boolean[LAST_SIMPLE + 1];
                    for (char c = 0; c <= LAST_SIMPLE; c++) {
                        drawsSimple[c] = simple(c) && shaper.canDisplay(c);
                    }
                    // Kept for every document's subset: parsing it took a PDF some 8 ms, mostly its GSUB tables.
                    TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                    return new Loaded(name, shaper, parsed, widths(parsed), drawsSimple, new Shapings(KEPT_GLYPHS));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("font " + name + " is no TrueType font", e);
                }
            });
        }
    }

    /** Each glyph's advance width in whole thousandths of an em, by glyph id. */
    private static int[] widths(TrueTypeFont font) throws IOException {
        float scale = EM / font.getHeader().getUnitsPerEm();
        int[] widths = new int[font.getNumberOfGlyphs()];
        for (int glyph = 0; glyph < widths.length; glyph++) {
            widths[glyph] = Math.round(font.getAdvanceWidth(glyph) * scale);
        }
        return widths;
    }

    /**
     * The text each glyph of a shaped run stands for, so that copying from the PDF gives back the characters set, in
     * their order, as a reader's text extraction sees them.
     * <p>
     * Glyphs are grouped in clusters: HarfBuzz's (the JDK gives each glyph the index of its cluster's first
     * character; a cluster ends where every later glyph comes from later characters), widened to whole grapheme
     * clusters (Unicode UAX #29: a letter with its marks, ຕຳ, ຫຼ). Inside a cluster the text is split in segments, each
     * a character with the non-spacing marks after it, and given to the glyphs that advance, in order: the last takes
     * what is left. Marks drawn by glyphs of their own carry no text: extraction tools place a zero-width glyph by its
     * ink, which for stacked Lao marks (ເຈົ້າ) put the tone mark before the vowel sign; a glyph that advances but
     * carries no text would read as a space.
     */
    private static String[] texts(String text, int[] charIndex, boolean[] advances) {
        int count = charIndex.length;
        String[] texts = new String[count];
        if (eachCharacterItsOwnGlyph(text, charIndex)) {
            for (int i = 0; i < count; i++) {
                texts[i] = simpleText(text.charAt(i));
            }
            return texts;
        }
        Arrays.fill(texts, "");
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int[] suffixMin = new int[count + 1];
        suffixMin[count] = text.length();
        for (int i = count - 1; i >= 0; i--) {
            suffixMin[i] = Math.min(charIndex[i], suffixMin[i + 1]);
        }
        int first = 0;
        int prefixMax = -1;
        for (int i = 1; i <= count; i++) {
            prefixMax = Math.max(prefixMax, charIndex[i - 1]);
            if (i == count || suffixMin[i] > prefixMax && graphemes.isBoundary(suffixMin[i])) {
                int start = first == 0 ? 0 : suffixMin[first];
                int end = i == count ? text.length() : suffixMin[i];
                cluster(text.substring(start, end), first, i, advances, texts);
                first = i;
            }
        }
        return texts;
    }

    /**
     * Whether each glyph stands for the character at its own index, every character {@link #simple}: each is a
     * grapheme of its own, so the clusters above give each glyph its character. Most Latin text is so.
     */
    private static boolean eachCharacterItsOwnGlyph(String text, int[] charIndex) {
        if (charIndex.length != text.length()) {
            return false;
        }
        for (int i = 0; i < charIndex.length; i++) {
            if (charIndex[i] != i || !simple(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Gives the text of glyphs {@code first} to {@code last} (exclusive) to those of them that advance. */
    private static void cluster(String text, int first, int last, boolean[] advances, String[] texts) {
        List<Integer> carriers = new ArrayList<>();
        for (int j = first; j < last; j++) {
            if (advances[j]) {
                carriers.add(j);
            }
        }
        if (carriers.isEmpty()) {
            carriers.add(first);
        }
        List<String> segments = new ArrayList<>();
        text.codePoints().forEach(codePoint -> {
            int type = Character.getType(codePoint);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (mark && !segments.isEmpty()) {
                segments.set(segments.size() - 1, segments.getLast() + Character.toString(codePoint));
            } else {
                segments.add(Character.toString(codePoint));
            }
        });
        for (int k = 0; k < segments.size(); k++) {
            int carrier = carriers.get(Math.min(k, carriers.size() - 1));
            texts[carrier] += segments.get(k);
        }
    }

    /** One TrueType face as used in one document: shapes text, numbers the glyphs shown, embeds its subset. */
    static final class Face {

        private record Key(int glyph, String text) {

            /**
             * The record's own hash (31 × glyph + the text's) differs by a multiple of 32 between most Latin letters,
             * whose glyph ids follow their code points: HashMap, which keeps a hash's low bits, put them all in a few
             * buckets and compared keys one by one.
             */
            @Override
            public int hashCode() {
                return glyph * 0x9E3779B1 ^ text.hashCode();
            }

            // Written out, as Run's.
            @Override
            public boolean equals(Object other) {
                return other instanceof Key key && glyph == key.glyph && text.equals(key.text);
            }
        }

        private final String resource;
        private final Loaded loaded;
        private final Map<Key, Integer> cids = new LinkedHashMap<>();
        /** By glyph id, the text it first stood for in this document and its CID: most glyphs stand for one text. */
        private final String[] firstTexts;
        private final int[] firstCids;
        /** Of the code points asked about: which were, and which of them the font draws. */
        private final BitSet asked = new BitSet();
        private final BitSet drawn = new BitSet();
        /** The Type 0 font dictionary pages refer to; filled in by {@link #embed}. */
        private final COSDictionary dictionary = new COSDictionary();

        private Face(String resource, Loaded loaded) {
            this.resource = resource;
            this.loaded = loaded;
            this.firstTexts = new String[loaded.widths().length];
            this.firstCids = new int[loaded.widths().length];
        }

        COSName resourceName() {
            return COSName.getPDFName(resource);
        }

        COSDictionary dictionary() {
            return dictionary;
        }

        boolean has(int codePoint) {
            if (!asked.get(codePoint)) {
                asked.set(codePoint);
                drawn.set(codePoint, loaded.shaper().canDisplay(codePoint));
            }
            return drawn.get(codePoint);
        }

        private GlyphVector layout(String text) {
            char[] chars = text.toCharArray();
            return loaded.shaper().layoutGlyphVector(UNHINTED, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        }

        /** How far the text advances, shaped, in thousandths of an em. */
        private float advance(String text) {
            GlyphVector vector = layout(text);
            return (float) vector.getGlyphPosition(vector.getNumGlyphs()).getX();
        }

        private Shaping shape(String text) {
            Shaping shaping = loaded.shapings().get(text);
            if (shaping == null) {
                shaping = shaping(text);
                loaded.shapings().put(text, shaping);
            }
            return shaping;
        }

        private Shaping shaping(String text) {
            GlyphVector vector = layout(text);
            int count = vector.getNumGlyphs();
            int[] charIndex = vector.getGlyphCharIndices(0, count, null);
            boolean[] advances = new boolean[count];
            for (int i = 0; i < count; i++) {
                int glyph = vector.getGlyphCode(i);
                advances[i] = glyph < loaded.widths().length && width(glyph) > 0;
            }
            String[] texts = texts(text, charIndex, advances);
            List<ShapedGlyph> glyphs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int glyph = vector.getGlyphCode(i);
                if (glyph >= INVISIBLE_GLYPH) {
                    continue;
                }
                Point2D position = vector.getGlyphPosition(i);
                // Java2D's y grows downwards, PDF's upwards.
                glyphs.add(new ShapedGlyph(glyph, texts[i], (float) position.getX(), (float) -position.getY()));
            }
            return new Shaping(List.copyOf(glyphs), (float) vector.getGlyphPosition(count).getX());
        }

        /** The glyph's advance width in thousandths of an em, as the font's W array states it. */
        private int width(int glyph) {
            return loaded.widths()[glyph];
        }

        /** The CID that shows {@code glyph} and copies as {@code text}; numbered from 1 in the order first shown. */
        private int cid(int glyph, String text) {
            if (glyph < firstTexts.length && text.equals(firstTexts[glyph])) {
                return firstCids[glyph];
            }
            int cid = cids.computeIfAbsent(new Key(glyph, text), key -> cids.size() + 1);
            if (glyph < firstTexts.length && firstTexts[glyph] == null) {
                firstTexts[glyph] = text;
                firstCids[glyph] = cid;
            }
            return cid;
        }

        /**
         * Writes the font as PDF 32000-1, 9.7: a Type 0 font with Identity-H encoding over a CIDFontType2 whose
         * FontFile2 holds the subset of the glyphs shown, a CIDToGIDMap from our CIDs to the subset's glyphs, their
         * widths (W), and a ToUnicode map from each CID to the text it stands for.
         */
        private void embed(PDDocument document) throws IOException {
            if (cids.isEmpty()) {
                return;
            }
            // PDFBox reads the glyphs from one buffer as it goes: one document's subset at a time.
            TrueTypeFont font = loaded.parsed();
            synchronized (font) {
                TreeSet<Integer> glyphs = new TreeSet<>();
                cids.keySet().forEach(key -> glyphs.add(key.glyph()));
                // The tables a PDF viewer needs to draw glyphs by id (PDF 32000-1, 9.9); no cmap, no names.
                TTFSubsetter subsetter = new TTFSubsetter(font,
                        List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp"));
                subsetter.addGlyphIds(glyphs);
                ByteArrayOutputStream subset = new ByteArrayOutputStream();
                subsetter.writeToStream(subset);
                Map<Integer, Integer> newToOld = subsetter.getGIDMap();
                Map<Integer, Integer> oldToNew = new HashMap<>();
                newToOld.forEach((newGlyph, oldGlyph) -> oldToNew.put(oldGlyph, newGlyph));

                HeaderTable head = font.getHeader();
                float scale = EM / head.getUnitsPerEm();
                String name = tag(glyphs) + "+" + font.getName();

                PDStream file = new PDStream(document, new ByteArrayInputStream(subset.toByteArray()),
                        COSName.FLATE_DECODE);
                file.getCOSObject().setInt(COSName.LENGTH1, subset.size());
                COSDictionary descriptor = new COSDictionary();
                descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
                descriptor.setName(COSName.FONT_NAME, name);
                // Symbolic (bit 3): the glyphs are named by CID, not by a standard Latin character set.
                descriptor.setInt(COSName.FLAGS, 4);
                COSArray box = new COSArray();
                for (int value : new int[] { head.getXMin(), head.getYMin(), head.getXMax(), head.getYMax() }) {
                    box.add(COSInteger.get(Math.round(value * scale)));
                }
                descriptor.setItem(COSName.FONT_BBOX, box);
                descriptor.setInt(COSName.ITALIC_ANGLE, 0);
                descriptor.setInt(COSName.ASCENT, Math.round(font.getHorizontalHeader().getAscender() * scale));
                descriptor.setInt(COSName.DESCENT, Math.round(font.getHorizontalHeader().getDescender() * scale));
                descriptor.setInt(COSName.CAP_HEIGHT, font.getOS2Windows() == null ? 0
                        : Math.round(font.getOS2Windows().getCapHeight() * scale));
                descriptor.setInt(COSName.STEM_V, 80);
                descriptor.setItem(COSName.FONT_FILE2, file);

                byte[] cidToGid = new byte[(cids.size() + 1) * 2];
                COSArray widths = new COSArray();
                StringBuilder toUnicode = new StringBuilder();
                int mapped = 0;
                List<String> entries = new ArrayList<>();
                for (Map.Entry<Key, Integer> entry : cids.entrySet()) {
                    int cid = entry.getValue();
                    int newGlyph = oldToNew.get(entry.getKey().glyph());
                    cidToGid[cid * 2] = (byte) (newGlyph >> 8);
                    cidToGid[cid * 2 + 1] = (byte) newGlyph;
                    widths.add(COSInteger.get(width(entry.getKey().glyph())));
                    if (!entry.getKey().text().isEmpty()) {
                        entries.add("<%04X> <%s>".formatted(cid, utf16Hex(entry.getKey().text())));
                        mapped++;
                    }
                }
                COSArray w = new COSArray();
                w.add(COSInteger.ONE);
                w.add(widths);

                COSDictionary cidFont = new COSDictionary();
                cidFont.setItem(COSName.TYPE, COSName.FONT);
                cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
                cidFont.setName(COSName.BASE_FONT, name);
                COSDictionary systemInfo = new COSDictionary();
                systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
                systemInfo.setItem(COSName.ORDERING, new COSString("Identity"));
                systemInfo.setInt(COSName.SUPPLEMENT, 0);
                cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
                cidFont.setItem(COSName.FONT_DESC, descriptor);
                cidFont.setItem(COSName.W, w);
                cidFont.setItem(COSName.CID_TO_GID_MAP, new PDStream(document,
                        new ByteArrayInputStream(cidToGid), COSName.FLATE_DECODE));

                toUnicode.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
                // At most 100 entries in a bfchar block (PDF 32000-1, 9.10.3, after Adobe's CMap specification).
                for (int from = 0; from < mapped; from += 100) {
                    List<String> block = entries.subList(from, Math.min(mapped, from + 100));
                    toUnicode.append(block.size()).append(" beginbfchar\n");
                    block.forEach(line -> toUnicode.append(line).append('\n'));
                    toUnicode.append("endbfchar\n");
                }
                toUnicode.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

                dictionary.setItem(COSName.TYPE, COSName.FONT);
                dictionary.setItem(COSName.SUBTYPE, COSName.TYPE0);
                dictionary.setName(COSName.BASE_FONT, name);
                dictionary.setItem(COSName.ENCODING, COSName.IDENTITY_H);
                COSArray descendants = new COSArray();
                descendants.add(cidFont);
                dictionary.setItem(COSName.DESCENDANT_FONTS, descendants);
                dictionary.setItem(COSName.TO_UNICODE, new PDStream(document,
                        new ByteArrayInputStream(toUnicode.toString().getBytes(StandardCharsets.US_ASCII)),
                        COSName.FLATE_DECODE));
            }
        }

        /** Six capital letters derived from the glyphs in the subset (PDF 32000-1, 9.6.4), the same for the same. */
        private String tag(TreeSet<Integer> glyphs) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                        (loaded.file() + glyphs).getBytes(StandardCharsets.US_ASCII));
                StringBuilder tag = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    tag.append((char) ('A' + (digest[i] & 0xFF) % 26));
                }
                return tag.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String utf16Hex(String text) {
            StringBuilder hex = new StringBuilder();
            for (char c : text.toCharArray()) {
                hex.append("%04X".formatted((int) c));
            }
            return hex.toString();
        }
    }
}
