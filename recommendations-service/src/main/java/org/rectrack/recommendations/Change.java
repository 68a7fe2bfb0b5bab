package org.rectrack.recommendations;

/**
 * What happened to a recommendation, as its event's {@code change} says; consumers may show it, but always apply the
 * full state. The values are fixed by version 1 of the event schema: LINKED also stands for a link removed.
 */
public enum Change {
    CREATED,
    REVISED,
    LINKED,
    WITHDRAWN
}
