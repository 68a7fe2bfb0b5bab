package org.rectrack.events.evidence;

/** The review state of evidence; only VERIFIED evidence counts towards a status. */
public enum EvidenceState {
    SUBMITTED,
    VERIFIED,
    REJECTED,
    RETRACTED
}
