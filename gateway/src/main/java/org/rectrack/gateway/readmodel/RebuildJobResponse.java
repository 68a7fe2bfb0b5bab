package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rebuild of the read model as an admin follows it.
 *
 * @param progress per topic, the records replayed of those between its beginning and its end when the replay began
 * @param applied  events that changed the read model; {@code ignored}: versions already applied; {@code skipped}:
 *                 events that cannot be read (they went to the dead-letter topic when they first came)
 * @param error    why it failed (FAILED only)
 */
@Schema(name = "Rebuild")
public record RebuildJobResponse(
        UUID id,
        @Schema(description = "STARTED: waiting for the consumers' transactions to end; RUNNING: the read model is wiped"
                + " and being replayed; FINISHED; FAILED (see error; a new rebuild may be started)")
        RebuildJob.State state,
        @Schema(description = "who started it (the token's name)") String startedBy,
        @Schema(description = "the gateway instance running it (pid@host)") String instance,
        Instant startedAt,
        Instant finishedAt,
        List<RebuildJob.TopicProgress> progress,
        long applied,
        long ignored,
        long skipped,
        String error) {

    static RebuildJobResponse of(RebuildJob job) {
        return new RebuildJobResponse(job.id, job.state, job.startedBy, job.instance, job.startedAt, job.finishedAt,
                List.copyOf(job.progress), job.applied, job.ignored, job.skipped, job.error);
    }
}
