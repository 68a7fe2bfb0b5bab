package org.rectrack.events.evidence;

/** The typed figures evidence may carry. */
public enum MetricKind {
    CASES_INVESTIGATED,
    PROSECUTIONS,
    CONVICTIONS,
    VICTIMS_IDENTIFIED,
    VICTIMS_REFERRED,
    OFFICIALS_TRAINED,
    BUDGET,
    HOTLINE_CALLS
}
