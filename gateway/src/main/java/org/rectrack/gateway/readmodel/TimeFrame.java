package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The two times of every question to the read model (DESIGN.md, "Two times"; the bitemporal model's valid time and
 * transaction time).
 *
 * @param asOf    a day in the world: evidence counts when its action began on or before it, a report from its
 *                publication date (1 January of its year when none is known)
 * @param knownAt an instant in the system: only versions rectrack had recorded by then count (their
 *                {@code recordedAt}), corrections included from their own instant
 */
public record TimeFrame(LocalDate asOf, Instant knownAt) {

    public TimeFrame {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
    }

    /** Today in UTC: the default {@code asOf} of every question but a year-end report's. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
