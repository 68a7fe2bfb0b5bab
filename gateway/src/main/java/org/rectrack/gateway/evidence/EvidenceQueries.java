package org.rectrack.gateway.evidence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;

/** Evidence in a time frame, from the read model, showing each viewer only what it may see. */
@ApplicationScoped
public class EvidenceQueries {

    private final ReadModel readModel;

    EvidenceQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** The evidence, if it exists and the viewer may see it: to anyone else it does not exist. */
    public Optional<EvidenceVersion> find(UUID id, TimeFrame frame, Viewer viewer) {
        return readModel.evidence(id, frame)
                .filter(evidence -> viewer.maySee(evidence.visibility, evidence.organisation, evidence.origin));
    }

    /** Newest first; what the viewer may not see is left out of the page and of its total. */
    public Page<EvidenceVersion> list(Optional<UUID> recommendationId, Optional<EvidenceState> state, TimeFrame frame,
            Viewer viewer, PageRequest page) {
        StringBuilder where = new StringBuilder(ReadModel.visibleEvidence("evidence"));
        Parameters parameters = ReadModel.evidenceFrame(frame);
        recommendationId.ifPresent(value -> {
            where.append(" and exists (select 1 from EvidenceVersion e join e.links link"
                    + " where e.seq = evidence.seq and link.recommendationId = :recommendationId)");
            parameters.and("recommendationId", value);
        });
        state.ifPresent(value -> {
            where.append(" and evidence.state = :state");
            parameters.and("state", value);
        });
        if (!viewer.seesRestricted()) {
            // Public evidence, and the viewer's own as Viewer#maySee says: never by the organisation's name alone.
            parameters.and("public", Visibility.PUBLIC);
            if (viewer.organisation() != null) {
                where.append(" and (evidence.visibility = :public"
                        + " or (evidence.origin = :owned and evidence.organisation = :organisation))");
                parameters.and("owned", Origin.ORGANISATION).and("organisation", viewer.organisation());
            } else {
                where.append(" and evidence.visibility = :public");
            }
        }
        var query = EvidenceVersion.<EvidenceVersion> find("from EvidenceVersion evidence where " + where
                + " order by evidence.createdAt desc, evidence.evidenceId", parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }
}
