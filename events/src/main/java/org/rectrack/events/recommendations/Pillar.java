package org.rectrack.events.recommendations;

/** The "4P" paradigm the TIP Report organises its recommendations by. */
public enum Pillar {
    PROSECUTION,
    PROTECTION,
    PREVENTION,
    PARTNERSHIP
}
