package org.rectrack.events.evidence;

/**
 * Who stands behind a piece of evidence, told by the submitter's role, never by an organisation's name: an
 * organisation name comes from a client's identity provider, which may issue any name at all.
 */
public enum Origin {
    /** An NGO submitted it for the organisation its token names: that organisation owns it (may retract it, sees it when restricted). */
    ORGANISATION,
    /** An admin submitted it (the draft evidence of an imported report): no organisation owns it, whatever its name. */
    ADMIN
}
