package org.rectrack.recommendations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.platform.problem.ProblemException;

/**
 * One prioritized recommendation of a report; an aggregate of its own, with its own events. It makes each of its
 * changes whole ({@link #publish}, {@link #revise}, {@link #withdraw}, {@link #continueFrom}): the rule of its state
 * (a withdrawn recommendation is not revised or withdrawn again), one new aggregate version, the time, the revision
 * kept; and it states itself as its event ({@link #changed}) and as the contract's answer ({@link #response}).
 */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private Report report;

    /** Stable human code such as {@code LAO-2023-03}: country, year, rank (unique per publisher). */
    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private int rank;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Pillar> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_groups", nullable = false)
    private List<String> targetGroups = new ArrayList<>();

    /** The same recommendation in an earlier year's report of the same country. */
    @Column(name = "continues_from_id")
    private UUID continuesFromId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecommendationState state;

    @Column(name = "withdrawn_reason")
    private String withdrawnReason;

    /** The aggregate version its events carry: 1 when published, +1 for every change. */
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Persists a newly published recommendation with its text as revision 1. */
    public static Recommendation publish(Report report, int rank, String text, List<Pillar> pillars,
            List<String> targetGroups, UUID continuesFromId, String actor, Instant now) {
        Recommendation recommendation = new Recommendation();
        recommendation.id = UUID.randomUUID();
        recommendation.report = report;
        recommendation.rank = rank;
        recommendation.code = code(report.country(), report.year(), rank);
        recommendation.text = text;
        recommendation.revision = 1;
        recommendation.pillars = new ArrayList<>(pillars);
        recommendation.targetGroups = new ArrayList<>(targetGroups);
        recommendation.continuesFromId = continuesFromId;
        recommendation.state = RecommendationState.ACTIVE;
        recommendation.version = 1;
        recommendation.createdAt = now;
        recommendation.updatedAt = now;
        recommendation.persist();
        RecommendationRevision.of(recommendation, "published", actor).persist();
        return recommendation;
    }

    /** For Hibernate only: a recommendation comes into being by {@link #publish}. */
    protected Recommendation() {
    }

    /**
     * Revises the text, and the classification where given: one new revision kept with its reason, one new version.
     *
     * @param pillars      the new pillars, or null to keep them
     * @param targetGroups the new target groups, or null to keep them
     * @throws ProblemException 409 when the recommendation is withdrawn
     */
    public void revise(String text, List<Pillar> pillars, List<String> targetGroups, String reason, String actor) {
        if (state == RecommendationState.WITHDRAWN) {
            throw ProblemException.conflict(code + " is withdrawn and can no longer be revised");
        }
        this.text = text;
        if (pillars != null) {
            this.pillars = new ArrayList<>(pillars);
        }
        if (targetGroups != null) {
            this.targetGroups = new ArrayList<>(targetGroups);
        }
        revision++;
        newVersion();
        RecommendationRevision.of(this, reason, actor).persist();
    }

    /**
     * Withdraws it: its record and evidence stay, new evidence is refused. One new version.
     *
     * @throws ProblemException 409 when it is withdrawn already
     */
    public void withdraw(String reason) {
        if (state == RecommendationState.WITHDRAWN) {
            throw ProblemException.conflict(code + " is already withdrawn");
        }
        state = RecommendationState.WITHDRAWN;
        withdrawnReason = reason;
        newVersion();
    }

    /**
     * Links it to the one it continues, or removes the link (null); the caller has checked the earlier one
     * ({@link Lineage#checkContinuation}). One new version, unless it is linked so already.
     *
     * @return whether the link changed (and so whether an event is due)
     */
    public boolean continueFrom(UUID earlierId) {
        if (Objects.equals(earlierId, continuesFromId)) {
            return false;
        }
        continuesFromId = earlierId;
        newVersion();
        return true;
    }

    private void newVersion() {
        version++;
        updatedAt = Instant.now();
    }

    /** Its full state as the event of its latest change; {@code change} says what happened, for display only. */
    public RecommendationChanged changed(Change change) {
        return new RecommendationChanged(id, report.id(), code, report.country(), report.year(), rank, text, revision,
                List.copyOf(pillars), List.copyOf(targetGroups), continuesFromId, state, change.name(), updatedAt);
    }

    /** Its state now as the contract's {@link RecommendationResponse} (rectrack-api). */
    public RecommendationResponse response() {
        return new RecommendationResponse(id, report.id(), code, report.country(), report.year(), rank, text, revision,
                List.copyOf(pillars), List.copyOf(targetGroups), continuesFromId, state, withdrawnReason, version,
                updatedAt);
    }

    public UUID id() {
        return id;
    }

    /** The report it belongs to (loaded on first use). */
    public Report report() {
        return report;
    }

    public String code() {
        return code;
    }

    public int rank() {
        return rank;
    }

    public String text() {
        return text;
    }

    int revision() {
        return revision;
    }

    public List<Pillar> pillars() {
        return List.copyOf(pillars);
    }

    List<String> targetGroups() {
        return List.copyOf(targetGroups);
    }

    public UUID continuesFromId() {
        return continuesFromId;
    }

    public RecommendationState state() {
        return state;
    }

    /** The aggregate version its events carry. */
    public long version() {
        return version;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    public static String code(String country, int year, int rank) {
        return "%s-%d-%02d".formatted(country, year, rank);
    }

    public static List<Recommendation> ofReport(UUID reportId) {
        return list("report.id = ?1 order by rank", reportId);
    }
}
