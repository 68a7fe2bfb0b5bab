package org.rectrack.gateway.readmodel;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.common.TopicPartition;
import org.rectrack.events.inbox.SeekToStoredPositions;

/**
 * Reads each partition of the read model's topics from the read model's own progress ({@link ReadModelProgress},
 * written in the transaction that applies each record), and a partition it has no progress for from the beginning.
 * The gateways' consumer group commits its offsets apart from the read model, so they are not trusted: an empty or
 * restored database behind a group that committed, or a partition handed to another gateway instance mid-stream,
 * would otherwise skip records, and a skipped partition would also hold the {@link KnownAtWatermark} back for ever.
 */
@ApplicationScoped
@Identifier(SeekToReadModelProgress.NAME)
public class SeekToReadModelProgress extends SeekToStoredPositions {

    static final String NAME = "read-model";

    private final ReadModelProgress progress;

    SeekToReadModelProgress(ReadModelProgress progress) {
        this.progress = progress;
    }

    @Override
    protected Map<TopicPartition, Long> storedPositions() {
        return progress.positions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().nextOffset()));
    }
}
