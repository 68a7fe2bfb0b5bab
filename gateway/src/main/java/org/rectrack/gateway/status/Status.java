package org.rectrack.gateway.status;

/** Where a recommendation stands, derived from verified evidence by {@link StatusRules}. */
public enum Status {
    NO_EVIDENCE,
    REGRESSED,
    IMPLEMENTED,
    IN_PROGRESS,
    NOT_STARTED
}
