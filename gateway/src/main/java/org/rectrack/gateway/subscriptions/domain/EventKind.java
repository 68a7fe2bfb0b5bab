package org.rectrack.gateway.subscriptions.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of change a subscription is told of, by the names a webhook's {@code type} and a request use. */
public enum EventKind {

    /** A recommendation's derived status changed, as the subscriber sees it (only the evidence it may see counts). */
    STATUS_CHANGED("status.changed"),
    /** Evidence was verified by a reviewer. */
    EVIDENCE_VERIFIED("evidence.verified"),
    /** Evidence was submitted (and waits for a reviewer). */
    EVIDENCE_SUBMITTED("evidence.submitted"),
    /** A report was published, with its recommendations. */
    REPORT_PUBLISHED("report.published");

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in requests, answers and the webhook body's {@code type}, such as {@code status.changed}. */
    public String wireName() {
        return wireName;
    }

    /** The kind of this name, if it is one. */
    public static Optional<EventKind> byWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
