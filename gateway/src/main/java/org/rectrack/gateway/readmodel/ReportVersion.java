package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rectrack.events.recommendations.Tier;

import org.hibernate.annotations.Immutable;

/** One version of a report as its event carried it; written once by the read model, never changed. */
@Entity
@Immutable
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** When the recommendations-service committed this version (the event's occurredAt); shown, not compared. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * When the event was appended to its topic (its record's LogAppendTime): the instant rectrack recorded this
     * version, which {@code knownAt} compares with.
     */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(nullable = false)
    public String publisher;

    @Column(nullable = false)
    public String title;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "recommendation_count", nullable = false)
    public int recommendationCount;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
