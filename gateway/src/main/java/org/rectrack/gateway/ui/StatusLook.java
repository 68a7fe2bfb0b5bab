package org.rectrack.gateway.ui;

import java.util.List;

import io.quarkus.qute.TemplateExtension;
import org.rectrack.gateway.status.Status;

/**
 * How a status looks on a page: an icon beside its word (the word comes from the message bundle), never colour alone
 * (WCAG 2.2, 1.4.1 Use of Color). In templates: {@code {status.icon}}.
 */
@TemplateExtension
public final class StatusLook {

    /** The statuses in the order pages list them: done first, then from more to less progress, then unknown. */
    public static final List<Status> ORDER = List.of(Status.IMPLEMENTED, Status.IN_PROGRESS, Status.NOT_STARTED,
            Status.REGRESSED, Status.NO_EVIDENCE);

    private StatusLook() {
    }

    /** A symbol that tells the status apart in black and white and to a colour-blind reader. */
    public static String icon(Status status) {
        return switch (status) {
            case IMPLEMENTED -> "✔";
            case IN_PROGRESS -> "◐";
            case NOT_STARTED -> "○";
            case REGRESSED -> "▼";
            case NO_EVIDENCE -> "–";
        };
    }
}
