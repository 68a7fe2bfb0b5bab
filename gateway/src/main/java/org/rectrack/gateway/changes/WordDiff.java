package org.rectrack.gateway.changes;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import org.rectrack.gateway.changes.api.TextDiff.Operation;
import org.rectrack.gateway.changes.api.TextDiff.Segment;

/**
 * The word-level difference of two texts: each text cut into words, and the spaces and punctuation between them, by
 * the JDK's word {@link BreakIterator} for Lao (which cuts Latin text at spaces and punctuation too, and never splits
 * a Lao syllable cluster), then compared by java-diff-utils (Myers' algorithm). Not a split on spaces: Lao writes none
 * between words.
 *
 * <p>The JDK has no Lao dictionary, so a run of Lao letters between spaces or punctuation is one token: a changed word
 * inside it marks the run as changed. Lao writers put a space between phrases, so the difference still points at the
 * phrase.
 */
final class WordDiff {

    private static final Locale LAO = Locale.forLanguageTag("lo");

    private WordDiff() {
    }

    /**
     * The segments of {@code before} against {@code after}, in reading order; adjacent segments of one operation are
     * joined. Equal texts give one EQUAL segment (none when both are empty).
     */
    static List<Segment> of(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            Chunk<String> source = delta.getSource();
            add(segments, Operation.EQUAL, old.subList(at, source.getPosition()));
            add(segments, Operation.DELETED, source.getLines());
            add(segments, Operation.INSERTED, delta.getTarget().getLines());
            at = source.getPosition() + source.size();
        }
        add(segments, Operation.EQUAL, old.subList(at, old.size()));
        return List.copyOf(segments);
    }

    /** The text cut at every word boundary: words, and the runs of spaces or punctuation between them, in order. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        BreakIterator words = BreakIterator.getWordInstance(LAO);
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            tokens.add(text.substring(start, end));
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Operation operation, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().operation() == operation) {
            text = segments.removeLast().text() + text;
        }
        segments.add(new Segment(operation, text));
    }
}
