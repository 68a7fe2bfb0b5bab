package org.rectrack.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rectrack.events.recommendations.ReportChanged;
import org.rectrack.events.recommendations.Tier;

/**
 * A published report on one country for one year: the aggregate its recommendations belong to. It makes each of its
 * changes whole ({@link #publish}, {@link #correct}: the fields, the aggregate version, the time) and states itself
 * as its event ({@link #changed}); its fields are private, read through its accessors (which also load a lazy
 * reference from a recommendation).
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false, length = 3)
    private String country;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;

    @Column(nullable = false)
    private String publisher;

    @Column(nullable = false)
    private String title;

    @Column(name = "source_url")
    private String sourceUrl;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "period_from")
    private LocalDate periodFrom;

    @Column(name = "period_to")
    private LocalDate periodTo;

    /** The aggregate version its events carry: 1 when published. */
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For Hibernate only: a report comes into being by {@link #publish}. */
    protected Report() {
    }

    /**
     * What an admin may correct of a report as a whole (a field left null is cleared; country and year name its
     * recommendations and stay).
     *
     * @param periodFrom first day of the reporting period, or null with {@code periodTo} for none known
     */
    public record Metadata(Tier tier, String publisher, String title, String sourceUrl, LocalDate publishedOn,
            LocalDate periodFrom, LocalDate periodTo) {
    }

    /**
     * A new report, version 1, created at {@code now}, not yet persisted (the caller persists it and maps a duplicate
     * publisher, country and year to its 409).
     */
    public static Report publish(String country, int year, Metadata metadata, Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.country = country;
        report.year = year;
        report.set(metadata);
        report.version = 1;
        report.createdAt = now;
        report.updatedAt = now;
        return report;
    }

    /** Its tier and metadata as they are now. */
    public Metadata metadata() {
        return new Metadata(tier, publisher, title, sourceUrl, publishedOn, periodFrom, periodTo);
    }

    /**
     * Corrects the tier and metadata: one new version, stamped now. Correcting to the metadata it has changes nothing.
     *
     * @return whether anything changed (and so whether an event is due)
     */
    public boolean correct(Metadata corrected) {
        if (metadata().equals(corrected)) {
            return false;
        }
        set(corrected);
        version++;
        updatedAt = Instant.now();
        return true;
    }

    private void set(Metadata metadata) {
        tier = metadata.tier();
        publisher = metadata.publisher();
        title = metadata.title();
        sourceUrl = metadata.sourceUrl();
        publishedOn = metadata.publishedOn();
        periodFrom = metadata.periodFrom();
        periodTo = metadata.periodTo();
    }

    /** Its full state as the event of its latest change (event-carried state transfer). */
    public ReportChanged changed(int recommendationCount) {
        return new ReportChanged(id, country, year, tier, publisher, title, sourceUrl, publishedOn, periodFrom, periodTo,
                recommendationCount, updatedAt);
    }

    public UUID id() {
        return id;
    }

    public String country() {
        return country;
    }

    public int year() {
        return year;
    }

    public Tier tier() {
        return tier;
    }

    public String publisher() {
        return publisher;
    }

    public String title() {
        return title;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    public LocalDate periodTo() {
        return periodTo;
    }

    /** The aggregate version its events carry. */
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public static Optional<Report> findByPublisherCountryYear(String publisher, String country, int year) {
        return find("publisher = ?1 and country = ?2 and year = ?3", publisher, country, year).firstResultOptional();
    }

    /** The same country's reports before {@code year}, newest first. */
    public static List<Report> earlierOf(String country, int year) {
        return list("country = ?1 and year < ?2 order by year desc", country, year);
    }
}
