package org.rectrack.gateway.evidence;

import java.util.List;
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
        visibleTo(viewer, where, parameters);
        var query = EvidenceVersion.<EvidenceVersion> find("from EvidenceVersion evidence where " + where
                + " order by evidence.createdAt desc, evidence.evidenceId", parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /** What the review queue may be narrowed to; each empty value narrows nothing. */
    public record QueueFilter(Optional<String> country, Optional<Integer> year, Optional<String> organisation,
            Optional<String> language) {
    }

    /**
     * The review queue: submitted evidence, oldest submission first (the one waiting longest is reviewed first),
     * narrowed by the filter (country and year of a recommendation it bears on, organisation, summary language).
     */
    public Page<EvidenceVersion> queue(QueueFilter filter, TimeFrame frame, Viewer viewer, PageRequest page) {
        StringBuilder where = new StringBuilder(ReadModel.visibleEvidence("evidence"));
        Parameters parameters = ReadModel.evidenceFrame(frame).and("submitted", EvidenceState.SUBMITTED);
        where.append(" and evidence.state = :submitted");
        if (filter.country().isPresent() || filter.year().isPresent()) {
            where.append(" and exists (select 1 from EvidenceVersion e join e.links link, RecommendationVersion r"
                    + " where e.seq = evidence.seq and r.recommendationId = link.recommendationId");
            filter.country().ifPresent(value -> {
                where.append(" and r.country = :country");
                parameters.and("country", value);
            });
            filter.year().ifPresent(value -> {
                where.append(" and r.year = :year");
                parameters.and("year", value);
            });
            where.append(")");
        }
        filter.organisation().ifPresent(value -> {
            where.append(" and evidence.organisation = :byOrganisation");
            parameters.and("byOrganisation", value);
        });
        filter.language().ifPresent(value -> {
            where.append(" and evidence.language = :language");
            parameters.and("language", value);
        });
        visibleTo(viewer, where, parameters);
        var query = EvidenceVersion.<EvidenceVersion> find("from EvidenceVersion evidence where " + where
                + " order by evidence.createdAt, evidence.evidenceId", parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /**
     * An organisation's own evidence (what its NGO submitted, {@link Origin#ORGANISATION}), in every state, newest
     * first: what "my organisation" lists. Admin drafts shown under the same name are no organisation's own.
     */
    public List<EvidenceVersion> ofOrganisation(String organisation, TimeFrame frame) {
        return EvidenceVersion.<EvidenceVersion> list("from EvidenceVersion evidence where "
                + ReadModel.visibleEvidence("evidence")
                + " and evidence.origin = :owned and evidence.organisation = :organisation"
                + " order by evidence.createdAt desc, evidence.evidenceId",
                ReadModel.evidenceFrame(frame).and("owned", Origin.ORGANISATION).and("organisation", organisation));
    }

    /**
     * Evidence the viewer may see that cites this source URL, newest first, at most {@code limit}: the hint that a
     * source was cited before (the same article may well bear on another recommendation, or be logged twice).
     */
    public List<EvidenceVersion> citing(String url, TimeFrame frame, Viewer viewer, int limit) {
        StringBuilder where = new StringBuilder(ReadModel.visibleEvidence("evidence"));
        Parameters parameters = ReadModel.evidenceFrame(frame).and("url", url);
        where.append(" and evidence.sourceUrl = :url");
        visibleTo(viewer, where, parameters);
        return EvidenceVersion.<EvidenceVersion> find("from EvidenceVersion evidence where " + where
                + " order by evidence.createdAt desc, evidence.evidenceId", parameters).page(0, limit).list();
    }

    /** Narrows a query to what the viewer may see, as {@link Viewer#maySee} says. */
    private static void visibleTo(Viewer viewer, StringBuilder where, Parameters parameters) {
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
    }
}
