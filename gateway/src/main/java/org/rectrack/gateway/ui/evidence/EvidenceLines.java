package org.rectrack.gateway.ui.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rectrack.gateway.evidence.EvidenceQueries;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;

/**
 * The evidence queries of the work pages ({@link EvidenceQueries}: the API's, with its visibility rules), each in
 * its own read-only transaction that ends before the page renders or a write is routed.
 */
@ApplicationScoped
public class EvidenceLines {

    private final EvidenceQueries evidence;

    EvidenceLines(EvidenceQueries evidence) {
        this.evidence = evidence;
    }

    /** The evidence, if the viewer may see it. */
    @Transactional
    public Optional<EvidenceLine> find(UUID id, TimeFrame frame, Viewer viewer) {
        return evidence.find(id, frame, viewer).map(EvidenceLine::of);
    }

    /** Evidence the viewer may see citing the URL, newest first, at most {@code limit}. */
    @Transactional
    public List<EvidenceLine> citing(String url, TimeFrame frame, Viewer viewer, int limit) {
        return evidence.citing(url, frame, viewer, limit).stream().map(EvidenceLine::of).toList();
    }

    /** The organisation's own evidence, every state, newest first. */
    @Transactional
    public List<EvidenceLine> ofOrganisation(String organisation, TimeFrame frame) {
        return evidence.ofOrganisation(organisation, frame).stream().map(EvidenceLine::of).toList();
    }

    /** A page of the review queue, oldest submission first. */
    @Transactional
    public Page<EvidenceLine> queue(EvidenceQueries.QueueFilter filter, TimeFrame frame, Viewer viewer,
            PageRequest page) {
        return evidence.queue(filter, frame, viewer, page).map(EvidenceLine::of);
    }
}
