package org.rectrack.recommendations.importing.figures;

import java.math.BigDecimal;

import org.rectrack.events.evidence.MetricKind;

/**
 * A figure the report states, as a typed metric of draft evidence.
 *
 * @param unit     PERSONS, CASES, CALLS, CALLS_PER_MONTH, CALLS_PER_DAY, or a currency (LAK, USD)
 * @param sex      FEMALE or MALE when the figure is broken down so, else null
 * @param ageGroup ADULT or CHILD when the figure is broken down so, else null
 * @param year     the year the figure is about, which a comparison may make an earlier one
 */
public record ProposedMetric(MetricKind kind, BigDecimal value, String unit, String sex, String ageGroup, int year) {
}
