package org.rectrack.events;

/** The topic names; the suffix is the topic's major version. */
public final class Topics {

    public static final String RECOMMENDATIONS = "rectrack.recommendations.v1";
    public static final String EVIDENCE = "rectrack.evidence.v1";

    private Topics() {
    }
}
