package org.rectrack.evidence;

import java.util.Optional;

import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * Who acts on evidence, as the services need to know it: a name for the history, an organisation, whether the
 * caller speaks as an NGO for that organisation or as an admin ({@link Origin}), and whether it may see every
 * organisation's restricted evidence (reviewers and auditors).
 *
 * <p>An organisation's name grants rights only over evidence of origin {@link Origin#ORGANISATION}: the name comes
 * from a client's identity provider, which may issue any name, so no name can stand for a system actor.
 */
public record Actor(String name, Optional<String> organisation, Origin origin, boolean seesRestricted,
        boolean speaksForOrganisation) {

    /**
     * What an admin's submission shows as its organisation when the admin's token names none: a label only, it
     * grants nothing (the evidence's origin is {@link Origin#ADMIN}).
     */
    public static final String REPORT_IMPORT = "report-import";

    /**
     * The caller as it is: an NGO (also one with more roles) speaks for its organisation; anyone else who is an
     * admin speaks as an admin. Anyone else speaks for no organisation: an `org` claim on a diplomat's or a
     * reviewer's token, which an identity provider may add to every token, names them in the history but makes no
     * evidence their own.
     */
    public static Actor of(Caller caller) {
        Origin origin = !caller.is(Roles.NGO) && caller.is(Roles.ADMIN) ? Origin.ADMIN : Origin.ORGANISATION;
        return new Actor(caller.name(), caller.organisation(), origin,
                caller.is(Roles.REVIEWER) || caller.is(Roles.AUDITOR), caller.is(Roles.NGO));
    }

    /**
     * Who submits evidence: an NGO for the organisation its token names; an admin (the gateway handing over an
     * imported report's draft evidence) as an admin, shown under the organisation its token names or
     * {@link #REPORT_IMPORT}.
     */
    public static Actor submitter(Caller caller) {
        Actor actor = of(caller);
        if (actor.origin() == Origin.ADMIN && actor.organisation().isEmpty()) {
            return new Actor(actor.name(), Optional.of(REPORT_IMPORT), Origin.ADMIN, actor.seesRestricted(), false);
        }
        return actor;
    }

    /** Whether the evidence is this actor's organisation's own: submitted by an NGO of the same organisation. */
    public boolean owns(Evidence evidence) {
        return speaksForOrganisation && evidence.origin() == Origin.ORGANISATION
                && organisation.filter(evidence.organisation()::equals).isPresent();
    }

    /** Restricted evidence is seen only by its own organisation, reviewers and auditors. */
    public boolean maySee(Evidence evidence) {
        return evidence.visibility() == Visibility.PUBLIC || seesRestricted || owns(evidence);
    }
}
