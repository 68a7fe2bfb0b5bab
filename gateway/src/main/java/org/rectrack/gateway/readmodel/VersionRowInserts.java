package org.rectrack.gateway.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.Session;

/**
 * Inserts version rows ({@link ReportVersion}, {@link RecommendationVersion}, {@link EvidenceVersion} with its links
 * and history) in JDBC statement batches, one round trip for many rows, in the caller's transaction: a rebuild's
 * replay. Hibernate inserts rows with identity keys ({@code seq ... generated always as identity}) one statement
 * each, which held a rebuild to a few hundred events a second. The columns are the entities' own; RebuildTest
 * compares every column of a rebuilt read model with the one the consumers wrote through Hibernate.
 */
@ApplicationScoped
class VersionRowInserts {

    /**
     * JSON columns as Hibernate writes them: quarkus.hibernate-orm.mapping.format.global=ignore (platform) leaves
     * Hibernate its own Jackson mapper, a plain ObjectMapper with the modules on the class path.
     */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final String REPORT = """
            insert into report_version (report_id, version, event_id, occurred_at, recorded_at, country, year, tier,
                publisher, title, source_url, published_on, period_from, period_to, recommendation_count, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String RECOMMENDATION = """
            insert into recommendation_version (recommendation_id, version, event_id, occurred_at, recorded_at,
                report_id, code, country, year, rank, text, revision, pillars, target_groups, continues_from_id, state,
                change, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
            """;
    private static final String EVIDENCE = """
            insert into evidence_version (evidence_id, version, event_id, occurred_at, recorded_at, organisation, origin,
                action_from, action_to, summary, language, source_title, source_publisher, source_url,
                source_document_reference, source_published_on, source_quote, metrics, visibility, state, change,
                created_at, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            """;
    // A version's seq is the database's: its links and history find it by (evidence_id, version), which is unique.
    private static final String LINK = """
            insert into evidence_version_link (evidence_seq, position, recommendation_id, assessment)
            select seq, ?, ?, ? from evidence_version where evidence_id = ? and version = ?
            """;
    private static final String TRANSITION = """
            insert into evidence_version_transition (evidence_seq, position, state, actor, organisation, at, reason)
            select seq, ?, ?, ?, ?, ?, ? from evidence_version where evidence_id = ? and version = ?
            """;

    private final EntityManager entityManager;

    VersionRowInserts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Inserts the rows, each table's in the order given (so their keys follow that order, as one by one).
     *
     * @param rows new, unsaved {@link ReportVersion}, {@link RecommendationVersion} and {@link EvidenceVersion} rows
     * @throws org.hibernate.JDBCException when the database refuses a row (its SQLException is the cause)
     */
    void insert(List<PanacheEntityBase> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Batch reports = new Batch(connection, REPORT);
                    Batch recommendations = new Batch(connection, RECOMMENDATION);
                    Batch evidence = new Batch(connection, EVIDENCE);
                    Batch links = new Batch(connection, LINK);
                    Batch transitions = new Batch(connection, TRANSITION)) {
                for (PanacheEntityBase row : rows) {
                    switch (row) {
                        case ReportVersion report -> report(reports, report);
                        case RecommendationVersion recommendation -> recommendation(recommendations, recommendation);
                        case EvidenceVersion version -> evidence(evidence, links, transitions, version);
                        default -> throw new IllegalArgumentException("not a version row: " + row.getClass());
                    }
                }
                reports.execute();
                recommendations.execute();
                evidence.execute();
                links.execute();
                transitions.execute();
            }
        });
    }

    private static void report(Batch batch, ReportVersion row) throws SQLException {
        batch.add(row.reportId, row.version, row.eventId, time(row.occurredAt), time(row.recordedAt), row.country,
                row.year, row.tier.name(), row.publisher, row.title, row.sourceUrl, row.publishedOn, row.periodFrom,
                row.periodTo, row.recommendationCount, time(row.changedAt));
    }

    private static void recommendation(Batch batch, RecommendationVersion row) throws SQLException {
        batch.add(row.recommendationId, row.version, row.eventId, time(row.occurredAt), time(row.recordedAt),
                row.reportId, row.code, row.country, row.year, row.rank, row.text, row.revision, json(row.pillars),
                json(row.targetGroups), row.continuesFromId, row.state.name(), row.change, time(row.changedAt));
    }

    private static void evidence(Batch evidence, Batch links, Batch transitions, EvidenceVersion row)
            throws SQLException {
        evidence.add(row.evidenceId, row.version, row.eventId, time(row.occurredAt), time(row.recordedAt),
                row.organisation, row.origin.name(), row.actionFrom, row.actionTo, row.summary, row.language,
                row.sourceTitle, row.sourcePublisher, row.sourceUrl, row.sourceDocumentReference, row.sourcePublishedOn,
                row.sourceQuote, json(row.metrics), row.visibility.name(), row.state.name(), row.change,
                time(row.createdAt), time(row.changedAt));
        for (int position = 0; position < row.links.size(); position++) {
            EvidenceVersion.Link link = row.links.get(position);
            links.add(position, link.recommendationId, link.assessment.name(), row.evidenceId, row.version);
        }
        for (int position = 0; position < row.history.size(); position++) {
            EvidenceVersion.Transition step = row.history.get(position);
            transitions.add(position, step.state.name(), step.actor, step.organisation, time(step.at), step.reason,
                    row.evidenceId, row.version);
        }
    }

    /** A timestamptz parameter, as Hibernate binds an Instant. */
    private static Object time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    /** One statement's batch: sent only if rows were added. */
    private static final class Batch implements AutoCloseable {

        private final PreparedStatement statement;
        private int added;

        Batch(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        void add(Object... parameters) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.addBatch();
            added++;
        }

        void execute() throws SQLException {
            if (added > 0) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
