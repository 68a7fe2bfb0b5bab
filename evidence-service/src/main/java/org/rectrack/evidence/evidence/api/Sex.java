package org.rectrack.evidence.evidence.api;

/** The sex a figure is broken down by, where the source gives it. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
