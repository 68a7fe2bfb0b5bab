package org.rectrack.recommendations.recommendation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.ReviseRecommendationRequest;
import org.rectrack.api.recommendations.RevisionResponse;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.publishing.RecommendationEvents;
import org.rectrack.recommendations.RecommendationRevision;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Change;
import org.rectrack.recommendations.Lineage;
import org.rectrack.recommendations.LinkChanged;

/** Reads, revises, withdraws, links and unlinks recommendations; every change is one new aggregate version and event. */
@ApplicationScoped
public class RecommendationService {

    private final RecommendationEvents events;
    private final Lineage lineage;
    private final Event<LinkChanged> linkChanged;

    RecommendationService(RecommendationEvents events, Lineage lineage, Event<LinkChanged> linkChanged) {
        this.events = events;
        this.lineage = lineage;
        this.linkChanged = linkChanged;
    }

    @Transactional
    public Optional<RecommendationResponse> find(UUID id) {
        return Recommendation.<Recommendation> findByIdOptional(id).map(Recommendation::response);
    }

    @Transactional
    public Page<RecommendationResponse> list(Optional<String> country, Optional<Integer> year, Optional<UUID> reportId,
            PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        country.ifPresent(value -> {
            where.append(" and report.country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and report.year = :year");
            parameters.and("year", value);
        });
        reportId.ifPresent(value -> {
            where.append(" and report.id = :reportId");
            parameters.and("reportId", value);
        });
        var query = Recommendation.<Recommendation> find(
                where + " order by report.year desc, report.country, rank", parameters);
        List<RecommendationResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(Recommendation::response).toList();
        return Page.of(items, page, query.count());
    }

    @Transactional
    public List<RevisionResponse> revisions(UUID id) {
        requireExisting(id, LockModeType.NONE);
        return RecommendationRevision.of(id).stream().map(RecommendationRevision::response).toList();
    }

    /**
     * Revises the text or classification ({@link Recommendation#revise}); the earlier text stays as a revision.
     *
     * @throws ProblemException 404 for no such recommendation; 409 when it is withdrawn
     */
    @Transactional
    public RecommendationResponse revise(UUID id, ReviseRecommendationRequest request, String actor) {
        Recommendation recommendation = requireExisting(id, LockModeType.PESSIMISTIC_WRITE);
        recommendation.revise(request.text(), request.pillars(), request.targetGroups(), request.reason(), actor);
        events.recommendationChanged(recommendation.changed(Change.REVISED), recommendation.version());
        return recommendation.response();
    }

    /**
     * Withdraws the recommendation ({@link Recommendation#withdraw}).
     *
     * @throws ProblemException 404 for no such recommendation; 409 when it is withdrawn already
     */
    @Transactional
    public RecommendationResponse withdraw(UUID id, String reason) {
        Recommendation recommendation = requireExisting(id, LockModeType.PESSIMISTIC_WRITE);
        recommendation.withdraw(reason);
        events.recommendationChanged(recommendation.changed(Change.WITHDRAWN), recommendation.version());
        return recommendation.response();
    }

    /**
     * Links a recommendation to the one it continues; linking again to the same one changes nothing. Every change
     * of a link is told as {@link LinkChanged}, so the stored lineage proposals follow it.
     *
     * @param actor who links (token subject)
     * @throws ProblemException 404 for no such recommendation; 422 when the earlier one is of another country or
     *                          not earlier ({@link Lineage#checkContinuation})
     */
    @Transactional
    public RecommendationResponse link(UUID id, UUID continuesFromId, String actor) {
        Recommendation recommendation = requireExisting(id, LockModeType.PESSIMISTIC_WRITE);
        if (continuesFromId.equals(recommendation.continuesFromId())) {
            return recommendation.response();
        }
        lineage.checkContinuation("continuesFromId", recommendation.report().country(), recommendation.report().year(),
                continuesFromId);
        UUID previous = recommendation.continuesFromId();
        recommendation.continueFrom(continuesFromId);
        events.recommendationChanged(recommendation.changed(Change.LINKED), recommendation.version());
        linkChanged.fire(new LinkChanged(id, continuesFromId, previous, actor));
        return recommendation.response();
    }

    /**
     * Removes a recommendation's link to an earlier one (a link made in error, by hand or by an import); a
     * recommendation without a link is left as it is. The event's change is LINKED, its continuesFromId null: the
     * event schema's change values are fixed in version 1, and LINKED says the link was set or removed.
     *
     * @param actor who unlinks (token subject)
     * @throws ProblemException 404 for no such recommendation
     */
    @Transactional
    public RecommendationResponse unlink(UUID id, String actor) {
        Recommendation recommendation = requireExisting(id, LockModeType.PESSIMISTIC_WRITE);
        UUID previous = recommendation.continuesFromId();
        if (recommendation.continueFrom(null)) {
            events.recommendationChanged(recommendation.changed(Change.LINKED), recommendation.version());
            linkChanged.fire(new LinkChanged(id, null, previous, actor));
        }
        return recommendation.response();
    }

    private static Recommendation requireExisting(UUID id, LockModeType lock) {
        return Recommendation.<Recommendation> findByIdOptional(id, lock)
                .orElseThrow(() -> ProblemException.notFound("recommendation", id));
    }
}
