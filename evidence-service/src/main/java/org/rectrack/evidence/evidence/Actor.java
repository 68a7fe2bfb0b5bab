package org.rectrack.evidence.evidence;

import java.util.Optional;

import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * Who acts on evidence, as the services need to know it: a name for the history, an organisation,
 * and whether the caller may see every organisation's restricted evidence (reviewers and auditors).
 */
public record Actor(String name, Optional<String> organisation, boolean seesRestricted) {

    public static Actor of(Caller caller) {
        return new Actor(caller.name(), caller.organisation(), caller.is(Roles.REVIEWER) || caller.is(Roles.AUDITOR));
    }

    public boolean belongsTo(String organisationName) {
        return organisation.filter(organisationName::equals).isPresent();
    }

    /** Restricted evidence is seen only by its own organisation, reviewers and auditors. */
    public boolean maySee(Evidence evidence) {
        return evidence.visibility == Visibility.PUBLIC
                || seesRestricted || belongsTo(evidence.organisation);
    }
}
