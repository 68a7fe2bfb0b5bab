package org.rectrack.gateway.changes.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A word-level difference of two texts, as a list of segments in reading order. */
public final class TextDiff {

    private TextDiff() {
    }

    /** Whether a segment is in both texts, only the old one, or only the new one. */
    public enum Operation {
        EQUAL,
        DELETED,
        INSERTED
    }

    /** One run of words (with the spaces and punctuation between them) that the two texts share, or one lacks. */
    @Schema(description = "A run of the text: EQUAL in both, DELETED from the old text, INSERTED in the new one")
    public record Segment(Operation operation, @Schema(example = "and convict") String text) {
    }

    /** Whether the segments hold any change. */
    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(segment -> segment.operation() != Operation.EQUAL);
    }
}
