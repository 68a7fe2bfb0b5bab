package org.rectrack.events.evidence;

/** RESTRICTED evidence is seen only by its organisation, reviewers and auditors. */
public enum Visibility {
    PUBLIC,
    RESTRICTED
}
