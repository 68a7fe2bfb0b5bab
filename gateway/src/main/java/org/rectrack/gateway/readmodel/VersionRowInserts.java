package org.rectrack.gateway.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.Session;

/**
 * Inserts version rows ({@link ReportVersion}, {@link RecommendationVersion}, {@link EvidenceVersion} with its links
 * and history) many at a time, one insert statement a table, in the caller's transaction: a rebuild's replay.
 * Hibernate inserts rows with identity keys ({@code seq ... generated always as identity}) one statement each, and
 * the links and history one statement a row. The columns are the entities' own; RebuildTest compares every column of
 * a rebuilt read model with the one the consumers wrote through Hibernate.
 */
@ApplicationScoped
class VersionRowInserts {

    private static final Table REPORT = new Table("report_version", """
            report_id uuid, version int8, event_id uuid, occurred_at timestamptz, recorded_at timestamptz, country text,
            year int4, tier text, publisher text, title text, source_url text, published_on date, period_from date,
            period_to date, recommendation_count int4, changed_at timestamptz""");
    private static final Table RECOMMENDATION = new Table("recommendation_version", """
            recommendation_id uuid, version int8, event_id uuid, occurred_at timestamptz, recorded_at timestamptz,
            report_id uuid, code text, country text, year int4, rank int4, text text, revision int4, pillars jsonb,
            target_groups jsonb, continues_from_id uuid, state text, change text, changed_at timestamptz""");
    private static final Table EVIDENCE = new Table("evidence_version", """
            evidence_id uuid, version int8, event_id uuid, occurred_at timestamptz, recorded_at timestamptz,
            organisation text, origin text, action_from date, action_to date, summary text, language text,
            source_title text, source_publisher text, source_url text, source_document_reference text,
            source_published_on date, source_quote text, metrics jsonb, visibility text, state text, change text,
            created_at timestamptz, changed_at timestamptz, link_count int4""");
    // A version's seq is the database's: its links and history find it by (evidence_id, version), which is unique.
    private static final Table LINK = new Table("evidence_version_link", """
            evidence_id uuid, version int8, position int4, recommendation_id uuid, assessment text""");
    private static final Table TRANSITION = new Table("evidence_version_transition", """
            evidence_id uuid, version int8, position int4, state text, actor text, organisation text, at timestamptz,
            reason text""");

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
        Rows reports = new Rows(REPORT);
        Rows recommendations = new Rows(RECOMMENDATION);
        Rows evidence = new Rows(EVIDENCE);
        Rows links = new Rows(LINK);
        Rows transitions = new Rows(TRANSITION);
        for (PanacheEntityBase row : rows) {
            switch (row) {
                case ReportVersion report -> report(reports, report);
                case RecommendationVersion recommendation -> recommendation(recommendations, recommendation);
                case EvidenceVersion version -> evidence(evidence, links, transitions, version);
                default -> throw new IllegalArgumentException("not a version row: " + row.getClass());
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            reports.insert(connection, "");
            recommendations.insert(connection, "");
            evidence.insert(connection, "");
            String ofItsVersion = " join evidence_version v on v.evidence_id = r.evidence_id and v.version = r.version";
            links.insert(connection, ofItsVersion);
            transitions.insert(connection, ofItsVersion);
        });
    }

    private static void report(Rows rows, ReportVersion row) {
        rows.add(row.reportId, row.version, row.eventId, row.occurredAt, row.recordedAt, row.country, row.year, row.tier,
                row.publisher, row.title, row.sourceUrl, row.publishedOn, row.periodFrom, row.periodTo,
                row.recommendationCount, row.changedAt);
    }

    private static void recommendation(Rows rows, RecommendationVersion row) {
        rows.add(row.recommendationId, row.version, row.eventId, row.occurredAt, row.recordedAt, row.reportId, row.code,
                row.country, row.year, row.rank, row.text, row.revision, ReadModelJson.write(row.pillars),
                ReadModelJson.write(row.targetGroups), row.continuesFromId, row.state, row.change, row.changedAt);
    }

    private static void evidence(Rows evidence, Rows links, Rows transitions, EvidenceVersion row) {
        evidence.add(row.evidenceId, row.version, row.eventId, row.occurredAt, row.recordedAt, row.organisation,
                row.origin, row.actionFrom, row.actionTo, row.summary, row.language, row.sourceTitle,
                row.sourcePublisher, row.sourceUrl, row.sourceDocumentReference, row.sourcePublishedOn, row.sourceQuote,
                ReadModelJson.write(row.metrics), row.visibility, row.state, row.change, row.createdAt, row.changedAt,
                row.links.size());
        for (int position = 0; position < row.links.size(); position++) {
            EvidenceVersion.Link link = row.links.get(position);
            links.add(row.evidenceId, row.version, position, link.recommendationId, link.assessment);
        }
        for (int position = 0; position < row.history.size(); position++) {
            EvidenceVersion.Transition step = row.history.get(position);
            transitions.add(row.evidenceId, row.version, position, step.state, step.actor, step.organisation, step.at,
                    step.reason);
        }
    }

    /**
     * An instant to the microsecond, as the PostgreSQL JDBC driver sends one it binds (half a microsecond rounds up):
     * PostgreSQL rounds the text of a finer instant its own way, and a replayed version's times would then differ by a
     * microsecond from those the consumers wrote.
     */
    static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A table's columns (name and SQL type) as one insert statement takes many rows: each column's values as one
     * array parameter, in text, which {@code unnest} turns back into rows in their order.
     */
    private record Table(String name, List<String> columns, List<String> types) {

        Table(String name, String columnsAndTypes) {
            this(name, Arrays.stream(columnsAndTypes.split(",")).map(column -> column.strip().split(" ")[0]).toList(),
                    Arrays.stream(columnsAndTypes.split(",")).map(column -> column.strip().split(" ")[1]).toList());
        }
    }

    /** Rows to insert into one table, column by column. */
    private static final class Rows {

        private final Table table;
        private final List<List<String>> columns = new ArrayList<>();

        Rows(Table table) {
            this.table = table;
            table.columns().forEach(column -> columns.add(new ArrayList<>()));
        }

        /** Adds a row: its values in the table's order, as text (an Instant in ISO 8601, an enum by its name). */
        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(switch (values[i]) {
                    case null -> null;
                    case Enum<?> constant -> constant.name();
                    case Instant instant -> micros(instant).toString();
                    default -> values[i].toString();
                });
            }
        }

        /**
         * Inserts the rows in one statement, their keys drawn in the order they were added.
         *
         * @param join joined to the rows (named r) to find what else a row's table needs (the evidence's seq)
         */
        void insert(Connection connection, String join) throws SQLException {
            if (columns.getFirst().isEmpty()) {
                return;
            }
            boolean ofVersion = !join.isEmpty();
            List<String> targets = ofVersion
                    ? Stream.concat(Stream.of("evidence_seq"), table.columns().stream().skip(2)).toList()
                    : table.columns();
            List<String> selected = ofVersion
                    ? Stream.concat(Stream.of("v.seq"), table.columns().stream().skip(2).map(column -> "r." + column))
                            .toList()
                    : table.columns().stream().map(column -> "r." + column).toList();
            String sql = "insert into " + table.name() + " (" + String.join(", ", targets) + ") select "
                    + String.join(", ", selected) + " from unnest("
                    + String.join(", ", table.types().stream().map(type -> "?::text[]::" + type + "[]").toList())
                    + ") with ordinality as r(" + String.join(", ", table.columns()) + ", n)" + join + " order by r.n";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    statement.setArray(i + 1, connection.createArrayOf("text", columns.get(i).toArray(String[]::new)));
                }
                statement.executeUpdate();
            }
        }
    }
}
