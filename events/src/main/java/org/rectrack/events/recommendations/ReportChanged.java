package org.rectrack.events.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Full state of a published report (without its recommendations, which are aggregates of their own). */
public record ReportChanged(
        UUID id,
        String country,
        int year,
        Tier tier,
        String publisher,
        String title,
        String sourceUrl,
        LocalDate publishedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        int recommendationCount,
        Instant changedAt) {
}
