package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One rebuild of the read model, as {@link RebuildJobs} runs it; shared by every gateway instance of the database. */
@Entity
@Table(name = "rebuild_job")
public class RebuildJob extends PanacheEntityBase {

    /** Where a rebuild is: STARTED (waiting to close the gate), RUNNING (wiped, replaying), then FINISHED or FAILED. */
    public enum State {
        STARTED, RUNNING, FINISHED, FAILED;

        public boolean underWay() {
            return this == STARTED || this == RUNNING;
        }
    }

    /** How far the replay of one topic is: records replayed, of those it had when the replay began. */
    public record TopicProgress(String topic, long replayed, long total) {
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(nullable = false)
    public String instance;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TopicProgress> progress = new ArrayList<>();

    @Column(nullable = false)
    public long applied;

    @Column(nullable = false)
    public long ignored;

    @Column(nullable = false)
    public long skipped;

    public String error;
}
