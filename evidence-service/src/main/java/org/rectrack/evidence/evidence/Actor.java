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

    /** Whom an admin's submission is recorded for when the admin's token names no organisation. */
    public static final String REPORT_IMPORT = "report-import";

    public static Actor of(Caller caller) {
        return new Actor(caller.name(), caller.organisation(), caller.is(Roles.REVIEWER) || caller.is(Roles.AUDITOR));
    }

    /**
     * Who submits evidence: an NGO for the organisation its token names; an admin (the gateway handing over
     * an imported report's draft evidence) for the organisation its token names, or {@link #REPORT_IMPORT}.
     */
    public static Actor submitter(Caller caller) {
        Actor actor = of(caller);
        if (actor.organisation().isEmpty() && caller.is(Roles.ADMIN)) {
            return new Actor(actor.name(), Optional.of(REPORT_IMPORT), actor.seesRestricted());
        }
        return actor;
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
