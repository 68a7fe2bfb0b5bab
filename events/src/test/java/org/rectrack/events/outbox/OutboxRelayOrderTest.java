package org.rectrack.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which rows of a window the relay may send, and in what order, whatever order they were committed in. */
class OutboxRelayOrderTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @Test
    void rowsCommittedOutOfSequenceOrderAreAllSentAndEachAggregateInVersionOrder() {
        List<OutboxEvent> window = List.of(row(1, A, 2), row(2, B, 1), row(3, A, 1), row(4, B, 2));

        List<OutboxEvent> sent = OutboxRelay.inAggregateOrder(window);

        assertThat(sent).extracting(row -> row.aggregateId + ":" + row.aggregateVersion)
                .containsExactly(A + ":1", A + ":2", B + ":1", B + ":2");
    }

    @Test
    void theLowestWaitingVersionFetchedFromBeyondTheWindowGoesFirst() {
        List<OutboxEvent> candidates = List.of(row(7, A, 3), row(8, A, 4), row(9, B, 5), row(250, A, 2));

        List<OutboxEvent> sent = OutboxRelay.inAggregateOrder(candidates);

        assertThat(sent).extracting(row -> row.seq).containsExactly(250L, 7L, 8L, 9L);
    }

    @Test
    void aGapBetweenVersionsInTheWindowStopsThatAggregateAtTheGap() {
        List<OutboxEvent> window = List.of(row(1, A, 1), row(2, A, 3));

        List<OutboxEvent> sent = OutboxRelay.inAggregateOrder(window);

        assertThat(sent).extracting(row -> row.aggregateVersion).containsExactly(1L);
    }

    @Test
    void noWaveHoldsTwoVersionsOfOneAggregateSoALaterOneWaitsForTheEarliersAcknowledgement() {
        List<OutboxEvent> rows = OutboxRelay.inAggregateOrder(
                List.of(row(1, A, 1), row(2, B, 1), row(3, A, 2), row(4, A, 3), row(5, B, 2)));

        List<List<OutboxEvent>> waves = OutboxRelay.inWaves(rows);

        assertThat(waves).extracting(wave -> wave.stream().map(row -> row.aggregateVersion).toList())
                .containsExactly(List.of(1L, 1L), List.of(2L, 2L), List.of(3L));
        assertThat(waves).allSatisfy(wave -> assertThat(wave).extracting(row -> row.aggregateId).doesNotHaveDuplicates());
    }

    private static OutboxEvent row(long seq, UUID aggregate, long version) {
        OutboxEvent row = new OutboxEvent();
        row.seq = seq;
        row.aggregateId = aggregate;
        row.aggregateVersion = version;
        return row;
    }
}
