package org.rectrack.evidence.replica;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.common.TopicPartition;
import org.rectrack.events.inbox.SeekToStoredPositions;

/**
 * Reads each partition of the recommendations topic from the replica's own progress ({@link ReplicaProgress}), and a
 * partition it has no progress for from the beginning. The evidence-service's consumer group commits its offsets
 * apart from the replica, so they are not trusted: an empty or restored database behind a group that committed, or a
 * partition handed from one instance to another mid-stream, would otherwise skip recommendations, and evidence for
 * them would be refused.
 */
@ApplicationScoped
@Identifier(SeekToReplicaProgress.NAME)
public class SeekToReplicaProgress extends SeekToStoredPositions {

    static final String NAME = "recommendations-replica";

    private final ReplicaProgress progress;

    SeekToReplicaProgress(ReplicaProgress progress) {
        this.progress = progress;
    }

    @Override
    protected Map<TopicPartition, Long> storedPositions() {
        return progress.positions();
    }
}
