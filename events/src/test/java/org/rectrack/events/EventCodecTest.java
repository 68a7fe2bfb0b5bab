package org.rectrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;

class EventCodecTest {

    private final EventCodec codec = new EventCodec(new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void anEnvelopeSurvivesTheRoundTripWithLaoTextIntact() {
        UUID id = UUID.randomUUID();
        RecommendationChanged data = new RecommendationChanged(id, UUID.randomUUID(), "LAO-2023-01", "LAO", 2023, 1,
                "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ", 1, List.of(Pillar.PROSECUTION), List.of("men"), null,
                RecommendationState.ACTIVE, "CREATED", Instant.parse("2023-06-15T00:00:00Z"));
        EventEnvelope<RecommendationChanged> sent = new EventEnvelope<>(UUID.randomUUID(),
                EventType.RECOMMENDATION_CHANGED.name(), 1, Instant.parse("2023-06-15T00:00:01Z"), id, 1, data);

        EventEnvelope<?> received = codec.decode(codec.encode(sent));

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void anUnknownTypeIsRefusedWithItsName() {
        String json = """
                {"eventId":"%s","type":"com.example.SomethingHappened","schemaVersion":1,
                 "occurredAt":"2023-01-01T00:00:00Z","aggregateId":"%s","aggregateVersion":1,"data":{}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("com.example.SomethingHappened");
    }

    @Test
    void aNewerSchemaVersionIsRefusedRatherThanMisread() {
        String json = """
                {"eventId":"%s","type":"rectrack.report.changed","schemaVersion":2,
                 "occurredAt":"2023-01-01T00:00:00Z","aggregateId":"%s","aggregateVersion":1,"data":{}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> codec.decode(json)).hasMessageContaining("schemaVersion 2");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> codec.decode("\u0000not json")).isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
