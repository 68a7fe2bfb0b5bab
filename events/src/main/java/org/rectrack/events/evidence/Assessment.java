package org.rectrack.events.evidence;

/** How a piece of evidence bears on one recommendation. */
public enum Assessment {
    ADVANCES,
    FULFILLS,
    NO_PROGRESS,
    SETBACK
}
