package org.rectrack.recommendations.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.rectrack.api.recommendations.LineageProposalResponse;
import org.rectrack.api.recommendations.LineageProposalResponse.State;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.LinkChanged;
import org.rectrack.recommendations.recommendation.RecommendationService;

/**
 * Keeps the lineage proposals of imports and carries out an admin's decision on them. Accepting is the link itself
 * ({@link RecommendationService#link}: a new version of the recommendation with its event), in the same transaction as
 * the decision, so a proposal is never accepted without its link nor the reverse.
 */
@ApplicationScoped
public class LinkProposals {

    private final RecommendationService recommendations;
    private final EntityManager entityManager;

    LinkProposals(RecommendationService recommendations, EntityManager entityManager) {
        this.recommendations = recommendations;
        this.entityManager = entityManager;
    }

    /**
     * Keeps a proposal of an import, in the import's transaction. A pair proposed before is left as it is, whatever
     * was decided of it, so a rejected pair is not proposed again.
     *
     * @param recommendationId the new recommendation
     * @param continuesFromId  the earlier one it likely continues
     * @param country          the new recommendation's report's country (ISO 3166-1 alpha-3)
     * @param year             the new recommendation's report's year
     * @param similarity       how alike the wordings are, 0 to 1
     * @param linked           whether the import linked them itself (then the proposal is ACCEPTED by {@code actor})
     * @param actor            the importing admin
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(UUID recommendationId, UUID continuesFromId, String country, int year, double similarity,
            boolean linked, String actor) {
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                insert into lineage_proposal (id, recommendation_id, continues_from_id, country, year, similarity, state,
                                              proposed_at, decided_at, decided_by)
                values (:id, :recommendation, :earlier, :country, :year, :similarity, :state, :now, :decidedAt, :decidedBy)
                on conflict (recommendation_id, continues_from_id) do nothing
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("recommendation", recommendationId)
                .setParameter("earlier", continuesFromId)
                .setParameter("country", country)
                .setParameter("year", year)
                .setParameter("similarity", similarity)
                .setParameter("state", (linked ? State.ACCEPTED : State.PROPOSED).name())
                .setParameter("now", now)
                .setParameter("decidedAt", linked ? now : null)
                .setParameter("decidedBy", linked ? actor : null)
                .executeUpdate();
    }

    /** One page of proposals, newest year first, then by country and the new recommendation's code. */
    @Transactional
    public Page<LineageProposalResponse> list(Optional<String> country, Optional<Integer> year, Optional<State> state,
            PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        country.ifPresent(value -> {
            where.append(" and country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and year = :year");
            parameters.and("year", value);
        });
        state.ifPresent(value -> {
            where.append(" and state = :state");
            parameters.and("state", value);
        });
        var query = LinkProposal.<LinkProposal> find(where + " order by year desc, country, proposedAt, id", parameters);
        List<LineageProposalResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(this::response).toList();
        return Page.of(items, page, query.count());
    }

    /**
     * Accepts a proposal: links its recommendation to the earlier one (a new version and its event, unless already
     * so linked) and records who accepted it.
     *
     * @throws ProblemException 404 for no such proposal; 422 when the earlier recommendation can no longer be
     *                          continued (see {@link RecommendationService#link})
     */
    @Transactional
    public LineageProposalResponse accept(UUID id, String actor) {
        LinkProposal proposal = require(id);
        recommendations.link(proposal.recommendationId, proposal.continuesFromId, actor);
        proposal.accept(actor, Instant.now());
        return response(proposal);
    }

    /**
     * Rejects a proposal: kept as rejected, so that it is not proposed again; the recommendation is not changed.
     *
     * @throws ProblemException 404 for no such proposal; 409 for an accepted one
     */
    @Transactional
    public LineageProposalResponse reject(UUID id, String actor) {
        LinkProposal proposal = require(id);
        proposal.reject(actor, Instant.now());
        return response(proposal);
    }

    /**
     * Keeps the stored proposals true to a link changed by any path, in the change's transaction: the proposal of the
     * new pair is accepted (even a rejected one: the admin linked it after all), and an accepted proposal of the pair
     * the link no longer holds is rejected, so that no import proposes it again.
     */
    void follow(@Observes LinkChanged change) {
        Instant now = Instant.now();
        if (change.continuesFromId() != null) {
            decide(change.recommendationId(), change.continuesFromId(), State.ACCEPTED, change.actor(), now);
        }
        if (change.previousId() != null && !change.previousId().equals(change.continuesFromId())) {
            decide(change.recommendationId(), change.previousId(), State.REJECTED, change.actor(), now);
        }
    }

    private void decide(UUID recommendationId, UUID continuesFromId, State state, String actor, Instant now) {
        entityManager.createQuery("""
                update LinkProposal set state = :state, decidedBy = :actor, decidedAt = :now
                where recommendationId = :recommendation and continuesFromId = :earlier and state <> :state
                """)
                .setParameter("state", state).setParameter("actor", actor).setParameter("now", now)
                .setParameter("recommendation", recommendationId).setParameter("earlier", continuesFromId)
                .executeUpdate();
    }

    private static LinkProposal require(UUID id) {
        return LinkProposal.<LinkProposal> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("lineage proposal", id));
    }

    private LineageProposalResponse response(LinkProposal proposal) {
        return new LineageProposalResponse(proposal.id, proposal.country, proposal.year, proposal.similarity,
                proposal.state, proposal.proposedAt, proposal.decidedAt, proposal.decidedBy,
                recommendations.find(proposal.recommendationId).orElseThrow(),
                recommendations.find(proposal.continuesFromId).orElseThrow());
    }
}
