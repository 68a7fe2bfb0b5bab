package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;

/**
 * Questions to the read model, each answered as of an instant: the latest version of each aggregate whose
 * event occurred at or before it. A null instant asks for the latest version the gateway knows.
 *
 * <p>Held back from every answer: a recommendation whose report the read model has not got, and evidence bearing on
 * a recommendation it has not got (or holds back). The owning services never publish such a thing, so it is either
 * early (the topics are consumed apart, a partition may run ahead) and shows once what it names arrives, or it is no
 * owner's word, and never shows (see the package documentation).
 */
@ApplicationScoped
public class ReadModel {

    /** Later than any event; PostgreSQL's timestamptz goes further still. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public Optional<ReportVersion> report(UUID id, Instant asOf) {
        return ReportVersion.<ReportVersion> find("from ReportVersion report where report.reportId = :id and "
                + asOfReport("report"),
                Parameters.with("id", id).and("asOf", orLatest(asOf))).firstResultOptional();
    }

    public Map<UUID, ReportVersion> reports(Collection<UUID> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ReportVersion.<ReportVersion> list("from ReportVersion report where report.reportId in :ids and "
                + asOfReport("report"),
                Parameters.with("ids", ids).and("asOf", orLatest(asOf))).stream()
                .collect(Collectors.toMap(report -> report.reportId, Function.identity()));
    }

    /** Newest year first, then by country and publisher. */
    public Page<ReportVersion> reports(Optional<String> country, Optional<Integer> year, Instant asOf, PageRequest page) {
        StringBuilder where = new StringBuilder(asOfReport("report"));
        Parameters parameters = Parameters.with("asOf", orLatest(asOf));
        country.ifPresent(value -> {
            where.append(" and report.country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and report.year = :year");
            parameters.and("year", value);
        });
        var query = ReportVersion.<ReportVersion> find("from ReportVersion report where " + where
                + " order by report.year desc, report.country, report.publisher, report.reportId", parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    public Optional<RecommendationVersion> recommendation(UUID id, Instant asOf) {
        return RecommendationVersion.<RecommendationVersion> find("from RecommendationVersion recommendation"
                + " where recommendation.recommendationId = :id and " + asOfRecommendation("recommendation"), Parameters.with("id", id).and("asOf", orLatest(asOf)))
                .firstResultOptional();
    }

    /** Newest year first, then in rank order. */
    public Page<RecommendationVersion> recommendations(Optional<String> country, Optional<Integer> year,
            Optional<UUID> reportId, Instant asOf, PageRequest page) {
        StringBuilder where = new StringBuilder(asOfRecommendation("recommendation"));
        Parameters parameters = Parameters.with("asOf", orLatest(asOf));
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
        var query = RecommendationVersion.<RecommendationVersion> find("from RecommendationVersion recommendation where "
                + where + " order by recommendation.year desc, recommendation.reportId, recommendation.rank,"
                + " recommendation.code", parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /** In rank order (by publisher first, should two publishers report on the same country and year). */
    public List<RecommendationVersion> recommendations(String country, int year, Instant asOf) {
        return RecommendationVersion.<RecommendationVersion> list("from RecommendationVersion recommendation where "
                + asOfRecommendation("recommendation") + " and recommendation.country = :country"
                + " and recommendation.year = :year order by recommendation.reportId, recommendation.rank,"
                + " recommendation.code", Parameters.with("asOf", orLatest(asOf)).and("country", country).and("year", year));
    }

    /** The recommendations of one report, in rank order. */
    public List<RecommendationVersion> recommendationsOf(UUID reportId, Instant asOf) {
        return RecommendationVersion.<RecommendationVersion> list("from RecommendationVersion recommendation where "
                + asOfRecommendation("recommendation") + " and recommendation.reportId = :reportId"
                + " order by recommendation.rank, recommendation.code",
                Parameters.with("asOf", orLatest(asOf)).and("reportId", reportId));
    }

    /** Every piece of evidence bearing on one of these recommendations, in any state, as of the instant. */
    public List<EvidenceVersion> evidenceOn(Collection<UUID> recommendationIds, Instant asOf) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        return EvidenceVersion.<EvidenceVersion> list("select distinct evidence from EvidenceVersion evidence"
                + " join evidence.links link where link.recommendationId in :ids and " + asOfEvidence("evidence"),
                Parameters.with("ids", recommendationIds).and("asOf", orLatest(asOf)));
    }

    public Optional<EvidenceVersion> evidence(UUID id) {
        return EvidenceVersion.<EvidenceVersion> find("from EvidenceVersion evidence where evidence.evidenceId = :id and "
                + asOfEvidence("evidence"),
                Parameters.with("id", id).and("asOf", LATEST)).firstResultOptional();
    }

    /**
     * The condition "this row is the latest version of its evidence as of :asOf, and every recommendation it bears
     * on is one the read model shows", for use in other queries.
     */
    public static String asOfEvidence(String alias) {
        return alias + ".version = (select max(v.version) from EvidenceVersion v where v.evidenceId = " + alias
                + ".evidenceId and v.occurredAt <= :asOf)"
                + " and not exists (select 1 from EvidenceVersion held join held.links heldLink where held.seq = "
                + alias + ".seq and not exists (select 1 from RecommendationVersion known where"
                + " known.recommendationId = heldLink.recommendationId and " + reportKnown("known") + "))";
    }

    public static Instant orLatest(Instant asOf) {
        return asOf == null ? LATEST : asOf;
    }

    private static String asOfReport(String alias) {
        return alias + ".version = (select max(v.version) from ReportVersion v where v.reportId = " + alias
                + ".reportId and v.occurredAt <= :asOf)";
    }

    private static String asOfRecommendation(String alias) {
        return alias + ".version = (select max(v.version) from RecommendationVersion v where v.recommendationId = "
                + alias + ".recommendationId and v.occurredAt <= :asOf) and " + reportKnown(alias);
    }

    /**
     * The condition "the read model has the report of this recommendation row". Known at all, not as of the
     * instant: the question is whether the owner has it, not since when; the instants of two aggregates need not be
     * in order (evidence and recommendations are stamped by two services' clocks).
     */
    private static String reportKnown(String alias) {
        return "exists (select 1 from ReportVersion knownReport where knownReport.reportId = " + alias + ".reportId)";
    }
}
