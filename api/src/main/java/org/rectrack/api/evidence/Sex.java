package org.rectrack.api.evidence;

/** The sex a figure is broken down by, where the source gives it. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
