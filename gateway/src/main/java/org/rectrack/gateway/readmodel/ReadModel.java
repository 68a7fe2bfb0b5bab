package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;

/**
 * Questions to the read model, each in a {@link TimeFrame}: per aggregate, the latest version recorded by
 * {@code knownAt}, and of those only what the world had by {@code asOf}.
 * <ul>
 * <li>A report counts from its publication date (1 January of its year when none is known), as the version known at
 * {@code knownAt} gives it; its recommendations count with it.</li>
 * <li>Evidence counts when its action began on or before {@code asOf}.</li>
 * </ul>
 *
 * <p>Held back from every answer: a recommendation whose report had not been recorded by {@code knownAt}, and evidence
 * bearing on a recommendation not recorded by then. The owning services never publish such a thing, so it is either
 * early (the topics are consumed apart) and shows once what it names is recorded, or it is no owner's word, and never
 * shows (see the package documentation). Judged at {@code knownAt}, so that the same frame always gives the same answer.
 */
@ApplicationScoped
public class ReadModel {

    public Optional<ReportVersion> report(UUID id, TimeFrame frame) {
        return unflushed(ReportVersion.<ReportVersion> find("from ReportVersion report where report.reportId = :id and "
                + visibleReport("report"), frame(frame).and("id", id))).firstResultOptional();
    }

    public Map<UUID, ReportVersion> reports(Collection<UUID> ids, TimeFrame frame) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return unflushed(ReportVersion.<ReportVersion> find("from ReportVersion report where report.reportId in :ids"
                + " and "
                + visibleReport("report"), frame(frame).and("ids", ids))).list().stream()
                .collect(Collectors.toMap(report -> report.reportId, Function.identity()));
    }

    /** Newest year first, then by country and publisher. */
    public Page<ReportVersion> reports(Optional<String> country, Optional<Integer> year, TimeFrame frame,
            PageRequest page) {
        StringBuilder where = new StringBuilder(visibleReport("report"));
        Parameters parameters = frame(frame);
        country.ifPresent(value -> {
            where.append(" and report.country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and report.year = :year");
            parameters.and("year", value);
        });
        var query = unflushed(ReportVersion.<ReportVersion> find("from ReportVersion report where " + where
                + " order by report.year desc, report.country, report.publisher, report.reportId", parameters));
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    public Optional<RecommendationVersion> recommendation(UUID id, TimeFrame frame) {
        return unflushed(RecommendationVersion.<RecommendationVersion> find("from RecommendationVersion recommendation"
                + " where recommendation.recommendationId = :id and " + visibleRecommendation("recommendation"),
                frame(frame).and("id", id))).firstResultOptional();
    }

    /** Newest year first, then in rank order. */
    public Page<RecommendationVersion> recommendations(Optional<String> country, Optional<Integer> year,
            Optional<UUID> reportId, TimeFrame frame, PageRequest page) {
        StringBuilder where = new StringBuilder(visibleRecommendation("recommendation"));
        Parameters parameters = frame(frame);
        country.ifPresent(value -> {
            where.append(" and recommendation.country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and recommendation.year = :year");
            parameters.and("year", value);
        });
        reportId.ifPresent(value -> {
            where.append(" and recommendation.reportId = :reportId");
            parameters.and("reportId", value);
        });
        var query = unflushed(RecommendationVersion.<RecommendationVersion> find(
                "from RecommendationVersion recommendation where " + where + " order by recommendation.year desc,"
                        + " recommendation.reportId, recommendation.rank, recommendation.code", parameters));
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /**
     * Every recommendation on the country, of every year, in rank order within each year (by publisher first, should
     * two publishers report on the same country and year): a year's report, and the history its lineage walks.
     */
    public List<RecommendationVersion> recommendations(String country, TimeFrame frame) {
        return unflushed(RecommendationVersion.<RecommendationVersion> find("from RecommendationVersion recommendation"
                + " where "
                + visibleRecommendation("recommendation") + " and recommendation.country = :country"
                + " order by recommendation.year, recommendation.reportId, recommendation.rank, recommendation.code",
                frame(frame).and("country", country))).list();
    }

    /** The recommendations of one report, in rank order. */
    public List<RecommendationVersion> recommendationsOf(UUID reportId, TimeFrame frame) {
        return unflushed(RecommendationVersion.<RecommendationVersion> find("from RecommendationVersion recommendation"
                + " where "
                + visibleRecommendation("recommendation") + " and recommendation.reportId = :reportId"
                + " order by recommendation.rank, recommendation.code", frame(frame).and("reportId", reportId))).list();
    }

    /**
     * Every piece of evidence bearing on one of these recommendations, in any state, in the frame, as values: one query,
     * a row per link, no entity built (see {@link EvidenceSnapshot}).
     *
     * @return in the order recorded (first versions first), each once, whichever of the recommendations it bears on
     */
    @SuppressWarnings("unchecked")
    public List<EvidenceSnapshot> evidenceOn(Collection<UUID> recommendationIds, TimeFrame frame) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        var query = EvidenceVersion.getEntityManager().createQuery("select evidence.seq, evidence.evidenceId,"
                + " evidence.state, evidence.actionFrom, evidence.actionTo, (select max(step.at) from EvidenceVersion"
                + " reviewed join reviewed.history step where reviewed.seq = evidence.seq and step.state = :verified),"
                + " evidence.summary, evidence.language, evidence.organisation, evidence.origin, evidence.visibility,"
                + " evidence.sourceTitle, evidence.sourcePublisher, evidence.sourceUrl,"
                + " evidence.sourceDocumentReference, evidence.sourcePublishedOn, evidence.sourceQuote, evidence.metrics,"
                + " link.recommendationId, link.assessment"
                + " from EvidenceVersion evidence join evidence.links link"
                + " where evidence.seq in (select bearing.seq from EvidenceVersion bearing join bearing.links bearingLink"
                + " where bearingLink.recommendationId in :ids) and " + visibleEvidence("evidence")
                + " order by evidence.seq, index(link)", Object[].class)
                .setHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT)
                .setParameter("ids", recommendationIds)
                .setParameter("verified", EvidenceState.VERIFIED);
        evidenceFrame(frame).map().forEach(query::setParameter);
        List<EvidenceSnapshot> evidence = new ArrayList<>();
        Long seq = null;
        List<EvidenceVersion.Link> links = null;
        for (Object[] row : query.getResultList()) {
            if (!row[0].equals(seq)) {
                seq = (Long) row[0];
                links = new ArrayList<>();
                evidence.add(new EvidenceSnapshot((UUID) row[1], (EvidenceState) row[2], (LocalDate) row[3],
                        (LocalDate) row[4], (Instant) row[5], (String) row[6], (String) row[7], (String) row[8],
                        (Origin) row[9], (Visibility) row[10], new Citation((String) row[11], (String) row[12],
                                (String) row[13], (String) row[14], (LocalDate) row[15], (String) row[16]),
                        List.copyOf((List<Metric>) row[17]), Collections.unmodifiableList(links)));
            }
            links.add(new EvidenceVersion.Link((UUID) row[18], (Assessment) row[19]));
        }
        return List.copyOf(evidence);
    }

    /**
     * Every version of evidence bearing on one of these recommendations that rectrack recorded after {@code after} and
     * by {@code upTo}, in the order recorded, in any state and whatever it was held back for: the history a change
     * between two instants is read from (each version is one transition of its evidence). At most {@code limit}.
     */
    public List<EvidenceVersion> evidenceRecorded(Collection<UUID> recommendationIds, Instant after, Instant upTo,
            int limit) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        return unflushed(EvidenceVersion.<EvidenceVersion> find("select distinct evidence from EvidenceVersion evidence"
                + " join evidence.links link where link.recommendationId in :ids and evidence.recordedAt > :after"
                + " and evidence.recordedAt <= :upTo order by evidence.recordedAt, evidence.seq",
                Parameters.with("ids", recommendationIds).and("after", after).and("upTo", upTo)))
                .range(0, limit - 1).list();
    }

    /** One piece of evidence, if it counts in the frame. */
    public Optional<EvidenceVersion> evidence(UUID id, TimeFrame frame) {
        return unflushed(EvidenceVersion.<EvidenceVersion> find(
                "from EvidenceVersion evidence where evidence.evidenceId = :id and " + visibleEvidence("evidence"),
                evidenceFrame(frame).and("id", id))).firstResultOptional();
    }

    /** The parameters of a frame, for the conditions below: {@code :asOf}, {@code :asOfYear}, {@code :knownAt}. */
    public static Parameters frame(TimeFrame frame) {
        return Parameters.with("asOf", frame.asOf()).and("asOfYear", frame.asOf().getYear())
                .and("knownAt", frame.knownAt());
    }

    /** The parameters of a frame for {@link #visibleEvidence}: {@code :asOf}, {@code :knownAt}. */
    public static Parameters evidenceFrame(TimeFrame frame) {
        return Parameters.with("asOf", frame.asOf()).and("knownAt", frame.knownAt());
    }

    /**
     * A question asked without a flush first. Hibernate flushes before each query by default, looking for changes
     * among all the entities the session holds; the read model's are {@code @Immutable} (each version is a row of its
     * own, never changed), and the one transaction that writes versions and then asks about them (the consumers',
     * telling the {@link AppliedEventObserver}s) flushes them itself before it asks. With the 15,000 versions of a
     * compliance report, those looks and the dirty checks took half its time.
     */
    private static <T> PanacheQuery<T> unflushed(PanacheQuery<T> query) {
        return query.withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT);
    }

    /**
     * The condition "this row is the latest version of its evidence recorded by {@code :knownAt}, its action began by
     * {@code :asOf}, and every recommendation it bears on had been recorded by {@code :knownAt}", for other queries.
     */
    public static String visibleEvidence(String alias) {
        return knownEvidence(alias) + " and " + alias + ".actionFrom <= :asOf";
    }

    private static String knownEvidence(String alias) {
        return latestKnown("EvidenceVersion", "evidenceId", alias)
                + " and not exists (select 1 from EvidenceVersion held join held.links heldLink where held.seq = "
                + alias + ".seq and not exists (select 1 from RecommendationVersion known where"
                + " known.recommendationId = heldLink.recommendationId and known.recordedAt <= :knownAt and "
                + reportKnown("known") + "))";
    }

    private static String latestReport(String alias) {
        return latestKnown("ReportVersion", "reportId", alias);
    }

    /** Known at {@code :knownAt} and published by {@code :asOf} (from 1 January of its year when no date is known). */
    private static String visibleReport(String alias) {
        return latestReport(alias) + " and (" + alias + ".publishedOn <= :asOf or (" + alias + ".publishedOn is null and "
                + alias + ".year <= :asOfYear))";
    }

    private static String visibleRecommendation(String alias) {
        return latestKnown("RecommendationVersion", "recommendationId", alias) + " and exists (select 1 from"
                + " ReportVersion report where report.reportId = " + alias + ".reportId and " + visibleReport("report")
                + ")";
    }

    /**
     * The condition "this row (of {@code entity}, one version of the aggregate {@code id} names) is the latest version
     * of its aggregate recorded by {@code :knownAt}": recorded by then, and no later version was. As an anti-join
     * PostgreSQL estimates it from its statistics and joins it as a set: written as "the version equals the greatest
     * recorded by then", a subquery a row, it was estimated at a few rows where there were 10,000, and the evidence on
     * a country's recommendations took 0.13 to 0.16 s where this takes 0.08 to 0.10 s (and 14 s with a generic plan).
     */
    private static String latestKnown(String entity, String id, String alias) {
        return alias + ".recordedAt <= :knownAt and not exists (select 1 from " + entity + " newer where newer." + id
                + " = " + alias + "." + id + " and newer.version > " + alias + ".version"
                + " and newer.recordedAt <= :knownAt)";
    }

    /** The condition "the report of this recommendation row had been recorded by {@code :knownAt}". */
    private static String reportKnown(String alias) {
        return "exists (select 1 from ReportVersion knownReport where knownReport.reportId = " + alias
                + ".reportId and knownReport.recordedAt <= :knownAt)";
    }
}
