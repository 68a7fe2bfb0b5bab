package org.rectrack.recommendations.importing.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report's text as English paragraphs, whitespace normalised, the way every importer step reads it.
 *
 * <p>Copied report text arrives in many shapes: CRLF or bare CR line ends, no-break spaces, trailing
 * blanks, paragraphs separated by blank lines (web pages) or by single line ends (some extracts), and
 * passages in other scripts (the Lao news article before the 2022 report). Normalising once here is
 * what keeps the parsers' results the same whichever shape arrived.
 */
public final class ReportText {

    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** Below this share of Latin letters a paragraph is another language's and is left out. */
    private static final double MIN_LATIN_SHARE = 0.5;
    /** The longest heading in capitals: "SAINT VINCENT AND THE GRENADINES: TIER 2 WATCH LIST" and some. */
    private static final int MAX_HEADING_LENGTH = 120;

    private final List<String> paragraphs;

    private ReportText(List<String> paragraphs) {
        this.paragraphs = List.copyOf(paragraphs);
    }

    public static ReportText of(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : normaliseLines(text == null ? "" : text)) {
            if (line.isEmpty() || startsNewParagraph(paragraph, line)) {
                addIfEnglish(paragraphs, paragraph);
                paragraph.setLength(0);
            }
            if (!line.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
        }
        addIfEnglish(paragraphs, paragraph);
        return new ReportText(paragraphs);
    }

    /** The English paragraphs in reading order, each on one line with single spaces. */
    public List<String> paragraphs() {
        return paragraphs;
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    private static List<String> normaliseLines(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                clean.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                clean.append('\n');
            } else if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD') {
                // zero-width space, byte order mark, soft hyphen: invisible, and they would split words
                continue;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                clean.append(' ');
            } else {
                clean.append(c);
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : clean.toString().split("\n", -1)) {
            String tidy = SPACES.matcher(line.strip()).replaceAll(" ");
            // Plain-text lists mark items with "- " or "* "; one bullet sign keeps the list parsers simple.
            if (tidy.startsWith("- ") || tidy.startsWith("* ")) {
                tidy = "• " + tidy.substring(2);
            }
            lines.add(tidy);
        }
        return lines;
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /**
     * Lines of one paragraph are joined unless the earlier one ended a sentence and this one starts one, or
     * either is a heading in capitals ("RECOMMENDATIONS FOR KENYA", "PROSECUTION"), which reports print on a
     * line of its own with no full stop.
     */
    private static boolean startsNewParagraph(StringBuilder paragraph, String line) {
        if (paragraph.isEmpty() || line.isEmpty()) {
            return false;
        }
        // length first: the paragraph may be long, and is copied only when it could be a heading
        if (isCapitalsHeading(line)
                || paragraph.length() <= MAX_HEADING_LENGTH && isCapitalsHeading(paragraph.toString())) {
            return true;
        }
        int first = line.codePointAt(0);
        boolean startsSentence = Character.isUpperCase(first) || Character.isDigit(first) || Bullets.isBullet(first)
                || first == '“' || first == '"';
        return startsSentence && endsSentence(paragraph);
    }

    /**
     * A heading printed in capitals: at least two letters, no lower-case letter, and short.
     */
    public static boolean isCapitalsHeading(String line) {
        if (line.length() > MAX_HEADING_LENGTH) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Whether the text ends with . ! or ?, perhaps inside closing quotes or brackets. */
    public static boolean endsSentence(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && "”’\"')]".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?".indexOf(text.charAt(i)) >= 0;
    }

    private static void addIfEnglish(List<String> paragraphs, CharSequence paragraph) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < paragraph.length(); ) {
            int c = Character.codePointAt(paragraph, i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
            i += Character.charCount(c);
        }
        if (latin > 0 && latin >= letters * MIN_LATIN_SHARE) {
            paragraphs.add(paragraph.toString());
        }
    }
}
