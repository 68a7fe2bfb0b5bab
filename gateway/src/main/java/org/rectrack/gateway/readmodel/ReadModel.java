package org.rectrack.gateway.readmodel;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.rectrack.api.evidence.Citation;
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
     * Every piece of evidence bearing on one of these recommendations, in any state, in the frame, as values: one
     * query, a row per link, read with JDBC (see {@link #EVIDENCE_ON}), no entity built (see {@link EvidenceSnapshot}).
     *
     * @param recommendationIds recommendations that count in the frame, as this class's questions about
     *                          recommendations return them
     * @return in the order recorded (first versions first), each once, whichever of the recommendations it bears on
     */
    public List<EvidenceSnapshot> evidenceOn(Collection<UUID> recommendationIds, TimeFrame frame) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        return query(EVIDENCE_ON, recommendationIds, frame, rows -> evidenceSnapshots(rows, Map.of()));
    }

    /**
     * Of the evidence {@link #evidenceOn} would return, whatever its visibility, the verified pieces as values, and
     * per recommendation how many submitted pieces bear on it: what a year-end compliance report is made of (it
     * lists verified evidence and counts the pending). A dense country's 10,000 pieces are mostly submitted; read
     * one by one they were most of the report's time in Java (see {@link #VERIFIED_EVIDENCE_ON}).
     *
     * @param recommendationIds as for {@link #evidenceOn}
     * @return the verified pieces in the order recorded, and the counts of submitted pieces by recommendation (a
     *         recommendation that none bears on is absent)
     */
    public VerifiedEvidence verifiedEvidenceOn(Collection<UUID> recommendationIds, TimeFrame frame) {
        if (recommendationIds.isEmpty()) {
            return new VerifiedEvidence(List.of(), Map.of());
        }
        return query(VERIFIED_EVIDENCE_ON, recommendationIds, frame, rows -> {
            Map<UUID, Integer> submitted = new HashMap<>();
            List<EvidenceSnapshot> verified = evidenceSnapshots(rows, submitted);
            return new VerifiedEvidence(verified, Map.copyOf(submitted));
        });
    }

    /**
     * The verified evidence on some recommendations, and how many submitted pieces bear on each.
     *
     * @param verified  the verified pieces, described (summary, source, metrics)
     * @param submitted by recommendation, the count of submitted pieces bearing on it; absent when none
     */
    public record VerifiedEvidence(List<EvidenceSnapshot> verified, Map<UUID, Integer> submitted) {
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@link #EVIDENCE_ON} or {@link #VERIFIED_EVIDENCE_ON}, which take the same parameters, and reads it. */
    private static <T> T query(String sql, Collection<UUID> recommendationIds, TimeFrame frame, Rows<T> reader) {
        return EvidenceVersion.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                Array ids = connection.createArrayOf("uuid", recommendationIds.toArray());
                OffsetDateTime knownAt = frame.knownAt().atOffset(ZoneOffset.UTC);
                Object[] parameters = { ids, knownAt, frame.asOf(), knownAt, ids, knownAt, knownAt };
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    /**
     * {@link #visibleEvidence}'s rule in SQL, on a version {@code e} reached through the link table's index on the
     * recommendations: recorded by {@code knownAt}, its action begun by {@code asOf}, the latest version known, and
     * held back by nothing. Each condition on a version is a subquery of its own, which PostgreSQL runs for each row
     * found, by an index; as joins it picked merge joins over every link, or a parallel plan, whenever the estimates
     * were large (a country's 10,000 pieces of evidence: 0.2 s against 0.1 s). Hibernate reaches links and history
     * only through their version ({@code join evidence.links}), so the same question in HQL also looked each version
     * up three more times by its key; and it read each row through its result mapping and JSON format mapper.
     * <p>
     * A version is the latest known when no newer one was recorded by {@code knownAt}: an anti-join, where comparing
     * with the newest version's number (a subquery a row) took a fifth more of a dense country's query.
     * <p>
     * A link to one of the recommendations asked about needs no check that its recommendation was recorded by
     * {@code knownAt}: the queries are asked only about recommendations that count in the frame. So a version with one
     * link (most: its {@code link_count}) needs no look at its links at all: 20 to 25 % of a dense country's query.
     * <p>
     * Parameters: {@code knownAt}, {@code asOf}, {@code knownAt}, the recommendations (uuid[]), {@code knownAt} twice.
     */
    private static final String KNOWN_IN_FRAME = """
            e.recorded_at <= ?
              and e.action_from <= ?
              -- the latest version recorded by knownAt: none newer was
              and not exists (select 1 from evidence_version newer
                               where newer.evidence_id = e.evidence_id and newer.version > e.version
                                 and newer.recorded_at <= ?)
              -- held back while any other recommendation it bears on, or that one's report, was not recorded by knownAt
              -- (a version found by its only link bears on no other)
              and (e.link_count = 1
                   or (select count(*) from evidence_version_link held
                        where held.evidence_seq = e.seq and held.recommendation_id <> all(?)
                          and not exists (select 1 from recommendation_version recommendation
                                           where recommendation.recommendation_id = held.recommendation_id
                                             and recommendation.recorded_at <= ?
                                             and exists (select 1 from report_version report
                                                          where report.report_id = recommendation.report_id
                                                            and report.recorded_at <= ?))) = 0)""";

    /**
     * The query of {@link #evidenceOn}: a row per link of each version {@link #KNOWN_IN_FRAME}, columns 1 to 11 what a
     * status needs, 12 to 20 what the evidence says and where it is written.
     * <p>
     * When a piece of evidence was verified is looked up in its history only for versions VERIFIED or RETRACTED: the
     * evidence-service's review rule ({@code ReviewAction}) verifies only SUBMITTED evidence and rejects only SUBMITTED
     * evidence, so a SUBMITTED or REJECTED version has no VERIFIED step; most evidence waits for review, and the lookup
     * took a sixth of a country's query.
     * <p>
     * Parameters: the recommendations (uuid[]), then those of {@link #KNOWN_IN_FRAME}.
     */
    private static final String EVIDENCE_ON = """
            select e.seq, e.evidence_id, e.state, e.action_from, e.action_to,
                   -- only a version verified, or retracted after that, has a VERIFIED step: looked up for those alone
                   case when e.state in ('VERIFIED', 'RETRACTED') then
                     (select max(step.at) from evidence_version_transition step
                       where step.evidence_seq = e.seq and step.state = 'VERIFIED') end,
                   e.organisation, e.origin, e.visibility, link.recommendation_id, link.assessment,
                   e.summary, e.language, e.source_title, e.source_publisher, e.source_url, e.source_document_reference,
                   e.source_published_on, e.source_quote, e.metrics::text
            from evidence_version e
            join evidence_version_link link on link.evidence_seq = e.seq
            where e.seq in (select bearing.evidence_seq from evidence_version_link bearing
                             where bearing.recommendation_id = any(?))
              and %s
            order by e.seq, link.position""".formatted(KNOWN_IN_FRAME);

    /**
     * The query of {@link #verifiedEvidenceOn}: the verified and submitted versions {@link #KNOWN_IN_FRAME}, each with
     * the recommendation asked about that it was found by (once per such recommendation), gathered once; then the
     * rows of {@link #EVIDENCE_ON} for the verified, and a row per recommendation with its count of submitted pieces
     * (column 21; column 1, the version, null). Starting from the link rows, where {@link #EVIDENCE_ON} starts from the
     * versions they name, PostgreSQL joins them by index instead of hashing every link: on the dense country 100 to
     * 150 ms against 133 to 187 (psql, 8 runs each, interleaved), and 1,276 rows sent instead of 11,767.
     * <p>
     * Parameters: as for {@link #EVIDENCE_ON}.
     */
    private static final String VERIFIED_EVIDENCE_ON = """
            with known as materialized (
              select e.seq, e.state, bearing.recommendation_id
              from evidence_version_link bearing
              join evidence_version e on e.seq = bearing.evidence_seq
              where bearing.recommendation_id = any(?)
                and e.state in ('VERIFIED', 'SUBMITTED')
                and %s)
            select e.seq, e.evidence_id, e.state, e.action_from, e.action_to,
                   (select max(step.at) from evidence_version_transition step
                     where step.evidence_seq = e.seq and step.state = 'VERIFIED'),
                   e.organisation, e.origin, e.visibility, link.recommendation_id, link.assessment,
                   e.summary, e.language, e.source_title, e.source_publisher, e.source_url, e.source_document_reference,
                   e.source_published_on, e.source_quote, e.metrics::text, null::bigint as submitted,
                   link.position
            from (select distinct known.seq from known where known.state = 'VERIFIED') verified
            join evidence_version e on e.seq = verified.seq
            join evidence_version_link link on link.evidence_seq = e.seq
            union all
            select null, null, null, null, null, null, null, null, null, known.recommendation_id, null,
                   null, null, null, null, null, null, null, null, null, count(*), null
            from known where known.state = 'SUBMITTED'
            group by known.recommendation_id
            order by 1 nulls first, 22""".formatted(KNOWN_IN_FRAME);

    /**
     * The rows of {@link #EVIDENCE_ON} or {@link #VERIFIED_EVIDENCE_ON}: a row per link, as one snapshot per version;
     * a row of counts (no version) into {@code submitted}.
     */
    private static List<EvidenceSnapshot> evidenceSnapshots(ResultSet rows, Map<UUID, Integer> submitted)
            throws SQLException {
        List<EvidenceSnapshot> evidence = new ArrayList<>();
        long seq = -1;
        List<EvidenceVersion.Link> links = null;
        while (rows.next()) {
            long rowSeq = rows.getLong(1);
            if (rows.wasNull()) {
                submitted.put(rows.getObject(10, UUID.class), rows.getInt(21));
                continue;
            }
            if (rowSeq != seq) {
                seq = rowSeq;
                links = new ArrayList<>();
                OffsetDateTime verifiedAt = rows.getObject(6, OffsetDateTime.class);
                String metrics = rows.getString(20);
                evidence.add(new EvidenceSnapshot(rows.getObject(2, UUID.class),
                        EvidenceState.valueOf(rows.getString(3)), rows.getObject(4, LocalDate.class),
                        rows.getObject(5, LocalDate.class), verifiedAt == null ? null : verifiedAt.toInstant(),
                        rows.getString(12), rows.getString(13), rows.getString(7), Origin.valueOf(rows.getString(8)),
                        Visibility.valueOf(rows.getString(9)), new Citation(rows.getString(14), rows.getString(15),
                                rows.getString(16), rows.getString(17), rows.getObject(18, LocalDate.class),
                                rows.getString(19)),
                        ReadModelJson.metrics(metrics), Collections.unmodifiableList(links)));
            }
            links.add(new EvidenceVersion.Link(rows.getObject(10, UUID.class), Assessment.valueOf(rows.getString(11))));
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
