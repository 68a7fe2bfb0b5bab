package org.rectrack.platform.validation;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds what makes text not Unicode: bytes that are no UTF-8 (RFC 3629: also overlong forms and encoded
 * surrogates) and, in a Java string, a UTF-16 surrogate without its other half (which JSON's {@code \ud800}
 * escape can write). A lenient decoder turns either into {@code ?} or U+FFFD, a character the client never sent.
 * <p>
 * And what rectrack's reports cannot print: every text may end in a signed compliance report, whose PDF embeds the
 * fonts in {@code /fonts} on the classpath (Noto Sans for Latin, Greek, Cyrillic, digits, punctuation and common
 * symbols; Noto Sans Lao). A character none of them has would show as nothing a reader can check, so it is refused
 * when text enters rather than printed as a "?" ({@link #unprintableAt}). To accept another script, add its font
 * there and to the PDF's {@code PdfText}.
 */
public final class UnicodeText {

    /** The regular faces of the report fonts; their bold faces cover the same characters. */
    private static final List<String> REPORT_FONTS = List.of("/fonts/NotoSans-Regular.ttf", "/fonts/NotoSansLao-Regular.ttf");

    private UnicodeText() {
    }

    /** The fonts read once, when first asked. */
    private static final class ReportFonts {
        private static final List<Font> FONTS = REPORT_FONTS.stream().map(ReportFonts::load).toList();

        private static Font load(String file) {
            try (InputStream in = UnicodeText.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("font " + file + " is missing from the classpath");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("font " + file + " is no TrueType font", e);
            }
        }
    }

    /**
     * The index of the first character that no report font has and that is no tab or line end (CR, LF: reports lay
     * them out as space and new lines); empty when every character can be printed.
     */
    public static OptionalInt unprintableAt(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (!printable(codePoint)) {
                return OptionalInt.of(i);
            }
            i += Character.charCount(codePoint);
        }
        return OptionalInt.empty();
    }

    /** Whether a report can print {@code codePoint}: a tab, a line end, or a character one of the report fonts has. */
    public static boolean printable(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return true;
        }
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        for (Font font : ReportFonts.FONTS) {
            if (font.canDisplay(codePoint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a refusal of {@code text} at {@code index} ({@link #unprintableAt}) tells the client: the character by its
     * code point and name, and what is accepted.
     */
    public static String unprintableMessage(CharSequence text, int index) {
        int codePoint = Character.codePointAt(text, index);
        String name = Character.getName(codePoint);
        return "holds U+%04X%s at character %d, which rectrack's reports cannot print: text may be in Latin, Greek,"
                .formatted(codePoint, name == null ? "" : " (" + name + ")", index)
                + " Cyrillic or Lao script, with digits, punctuation and common symbols";
    }

    /** The offset of the first byte that starts no well-formed UTF-8 sequence; empty when all of them are UTF-8. */
    public static OptionalInt malformedUtf8At(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes, so the buffer is never too small.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return OptionalInt.of(in.position());
        }
        return OptionalInt.empty();
    }

    /** The index of the first surrogate without its other half; empty when the text is all Unicode characters. */
    public static OptionalInt unpairedSurrogateAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The text with every unpaired surrogate written as its escape ({@code \uD800}), safe to show in an answer. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                printable.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                printable.append(String.format("\\u%04X", (int) c));
            } else {
                printable.append(c);
            }
        }
        return printable.toString();
    }
}
