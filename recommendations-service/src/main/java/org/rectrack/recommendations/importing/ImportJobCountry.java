package org.rectrack.recommendations.importing;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One country narrative of an {@link ImportJob} (table {@code import_job_country}), and what became of it. */
@Entity
@Table(name = "import_job_country")
@IdClass(ImportJobCountry.Key.class)
public class ImportJobCountry extends PanacheEntityBase {

    /** PENDING until imported (DONE, with the import's answer) or refused (FAILED, with the problem). */
    public enum State {
        PENDING, DONE, FAILED
    }

    /** The primary key: the job and the narrative's place in its text, from 0. */
    public static class Key implements Serializable {
        UUID jobId;
        int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(jobId, key.jobId) && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, position);
        }
    }

    @Id
    @Column(name = "job_id")
    UUID jobId;

    @Id
    int position;

    String country;

    @Column(name = "text_start", nullable = false)
    int textStart;

    @Column(name = "text_end", nullable = false)
    int textEnd;

    @Column(nullable = false)
    String narrative;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    State state;

    @Column(name = "report_id")
    UUID reportId;

    Boolean created;

    /** The import's answer as JSON ({@code ImportResponse}). */
    String result;

    /** The failure as JSON ({@code Problem}). */
    String problem;

    void done(UUID report, boolean wasCreated, String answer) {
        state = State.DONE;
        reportId = report;
        created = wasCreated;
        result = answer;
    }

    void failed(String problemJson) {
        state = State.FAILED;
        problem = problemJson;
    }
}
