package org.rectrack.recommendations.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.rectrack.recommendations.importing.parsing.ReportHints;

/** One whole-report import (table {@code import_job}), as {@link ImportJobs} runs it; its countries are {@link ImportJobCountry}. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** RUNNING until every country is done or failed (FINISHED), or the job could not go on (FAILED). */
    public enum State {
        RUNNING, FINISHED, FAILED
    }

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    State state;

    @Column(name = "dry_run", nullable = false)
    boolean dryRun;

    @Column(name = "started_by", nullable = false)
    String startedBy;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(nullable = false)
    String fingerprint;

    @Column(nullable = false)
    String publisher;

    @Column(name = "source_url")
    String sourceUrl;

    @Column(name = "published_on")
    LocalDate publishedOn;

    @Column(name = "year_hint")
    Integer yearHint;

    @Column(name = "countries_total", nullable = false)
    int countriesTotal;

    @Column(nullable = false)
    String runner;

    @Column(name = "heartbeat_at", nullable = false)
    Instant heartbeatAt;

    @Column(nullable = false)
    int resumed;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    String error;

    /** How each of the job's countries is imported: the admin's options, with a year for all and no country or tier. */
    ImportOptions options() {
        return new ImportOptions(new ReportHints(null, yearHint, null), publisher, sourceUrl, publishedOn, dryRun);
    }

    /** Every country is done or failed. */
    void finish(Instant now) {
        if (state == State.RUNNING) {
            state = State.FINISHED;
            finishedAt = now;
        }
    }

    /** The job cannot go on; the countries not yet done keep the reason. */
    void fail(String reason, Instant now) {
        if (state == State.RUNNING) {
            state = State.FAILED;
            error = reason;
            finishedAt = now;
        }
    }
}
