package org.rectrack.gateway.status;

import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * Whose eyes an answer is for. Restricted evidence is seen only by its own organisation, reviewers and
 * auditors; to anyone else it does not exist: not in lists, counts, statuses or errors.
 *
 * @param organisation   the viewer's organisation, or null
 * @param seesRestricted whether the viewer sees every organisation's restricted evidence
 */
public record Viewer(String organisation, boolean seesRestricted) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.organisation().orElse(null), caller.is(Roles.REVIEWER) || caller.is(Roles.AUDITOR));
    }

    /** An auditor's or reviewer's view: all evidence, restricted included. */
    public static Viewer everything() {
        return new Viewer(null, true);
    }

    /** The view of someone who may see only public evidence. */
    public static Viewer publicOnly() {
        return new Viewer(null, false);
    }

    public boolean maySee(Visibility visibility, String owner) {
        return visibility == Visibility.PUBLIC || seesRestricted || (organisation != null && organisation.equals(owner));
    }
}
