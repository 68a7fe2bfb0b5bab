package org.rectrack.gateway.status;

import java.util.Collection;

import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * Whose eyes an answer is for. Restricted evidence is seen only by its own organisation, reviewers and
 * auditors; to anyone else it does not exist: not in lists, counts, statuses or errors. Evidence is an
 * organisation's own only when an NGO submitted it ({@link Origin#ORGANISATION}): an organisation's name comes from
 * a client's identity provider and never stands for an admin, so an admin's evidence is no organisation's own.
 *
 * @param organisation   the viewer's organisation, or null
 * @param seesRestricted whether the viewer sees every organisation's restricted evidence
 */
public record Viewer(String organisation, boolean seesRestricted) {

    public static Viewer of(Caller caller) {
        // Only an NGO speaks for its organisation (the evidence-service's Actor says the same): an `org` claim on a
        // diplomat's or an admin's token, which an identity provider may well add to every token, opens nothing.
        return new Viewer(caller.is(Roles.NGO) ? caller.organisation().orElse(null) : null,
                caller.is(Roles.REVIEWER) || caller.is(Roles.AUDITOR));
    }

    /**
     * The same eyes as {@link #of(Caller)}, from roles and an organisation recorded earlier (a subscription's owner,
     * whose messages are computed when no request of theirs is under way).
     */
    public static Viewer of(Collection<String> roles, String organisation) {
        return new Viewer(roles.contains(Roles.NGO) ? organisation : null,
                roles.contains(Roles.REVIEWER) || roles.contains(Roles.AUDITOR));
    }

    /** An auditor's or reviewer's view: all evidence, restricted included. */
    public static Viewer everything() {
        return new Viewer(null, true);
    }

    /** The view of someone who may see only public evidence. */
    public static Viewer publicOnly() {
        return new Viewer(null, false);
    }

    /** Whether the viewer may see evidence of this visibility, shown under {@code owner}, of this origin. */
    public boolean maySee(Visibility visibility, String owner, Origin origin) {
        return visibility == Visibility.PUBLIC || seesRestricted
                || (origin == Origin.ORGANISATION && organisation != null && organisation.equals(owner));
    }
}
