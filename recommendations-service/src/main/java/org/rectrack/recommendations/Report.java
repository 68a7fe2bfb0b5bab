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

import org.rectrack.events.recommendations.Tier;

/** A published report on one country for one year: the aggregate its recommendations belong to. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 3)
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

    /** The aggregate version its events carry: 1 when published. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Report> findByPublisherCountryYear(String publisher, String country, int year) {
        return find("publisher = ?1 and country = ?2 and year = ?3", publisher, country, year).firstResultOptional();
    }

    /** The same country's reports before {@code year}, newest first. */
    public static List<Report> earlierOf(String country, int year) {
        return list("country = ?1 and year < ?2 order by year desc", country, year);
    }
}
