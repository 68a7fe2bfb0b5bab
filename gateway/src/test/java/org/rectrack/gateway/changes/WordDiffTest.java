package org.rectrack.gateway.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectrack.gateway.changes.api.TextDiff.Operation;
import org.rectrack.gateway.changes.api.TextDiff.Segment;

/** The word-level difference of a repeated recommendation's text. */
class WordDiffTest {

    @Test
    void aWordAddedAndOneRemovedAreMarkedAndTheRestIsKept() {
        List<Segment> diff = WordDiff.of("Increase trafficking investigations and prosecutions.",
                "Increase trafficking investigations, prosecutions, and convictions.");

        assertThat(joined(diff, Operation.DELETED)).isEqualTo("old: Increase trafficking investigations and prosecutions.");
        assertThat(joined(diff, Operation.INSERTED))
                .isEqualTo("new: Increase trafficking investigations, prosecutions, and convictions.");
        assertThat(diff.getFirst()).isEqualTo(new Segment(Operation.EQUAL, "Increase trafficking investigations"));
        assertThat(diff).filteredOn(segment -> segment.operation() == Operation.INSERTED)
                .extracting(Segment::text).anySatisfy(text -> assertThat(text).contains("convictions"));
    }

    @Test
    void theSameTextIsOneEqualSegment() {
        assertThat(WordDiff.of("Train officials.", "Train officials.")).containsExactly(
                new Segment(Operation.EQUAL, "Train officials."));
    }

    @Test
    void laoIsCutAtItsWordBoundariesNotOnlyAtSpaces() {
        String old = "ຝຶກອົບຮົມ ເຈົ້າໜ້າທີ່ 300 ຄົນ.";
        String now = "ຝຶກອົບຮົມ ເຈົ້າໜ້າທີ່ 500 ຄົນ.";
        List<Segment> diff = WordDiff.of(old, now);

        // The number between Lao words, and the full stop after a Lao word, are tokens of their own.
        assertThat(WordDiff.tokens(old)).contains("300", "ຄົນ", ".");
        assertThat(diff).containsExactly(new Segment(Operation.EQUAL, "ຝຶກອົບຮົມ ເຈົ້າໜ້າທີ່ "),
                new Segment(Operation.DELETED, "300"), new Segment(Operation.INSERTED, "500"),
                new Segment(Operation.EQUAL, " ຄົນ."));
    }

    /** The text one side reads: the equal segments with those of the operation, prefixed by which side it is. */
    private static String joined(List<Segment> diff, Operation side) {
        StringBuilder text = new StringBuilder(side == Operation.DELETED ? "old: " : "new: ");
        diff.stream().filter(segment -> segment.operation() == Operation.EQUAL || segment.operation() == side)
                .forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
