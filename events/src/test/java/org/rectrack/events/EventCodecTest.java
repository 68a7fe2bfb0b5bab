package org.rectrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.EvidenceProposed;
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
    void aDraftEvidenceProposalSurvivesTheRoundTripWithItsFigures() {
        UUID draft = UUID.randomUUID();
        EvidenceProposed data = new EvidenceProposed(draft, UUID.randomUUID(), Assessment.ADVANCES, UUID.randomUUID(),
                null, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-12-31"),
                "Authorities reported investigating 52 cases.", "en",
                new EvidenceChanged.Source("2023 Trafficking in Persons Report: Laos", "U.S. Department of State", null,
                        "rectrack report 1", LocalDate.parse("2023-06-15"), "Authorities reported investigating 52 cases."),
                List.of(new EvidenceChanged.Metric(MetricKind.CASES_INVESTIGATED, new BigDecimal("52"), "CASES", null,
                        null, 2022)),
                "admin", Instant.parse("2023-07-01T00:00:00Z"));
        EventEnvelope<EvidenceProposed> sent = new EventEnvelope<>(UUID.randomUUID(),
                EventType.EVIDENCE_PROPOSED.name(), 1, Instant.parse("2023-07-01T00:00:01Z"), draft, 1, data);

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

    @Test
    void theDataMayComeBeforeTheTypeThatSaysWhatItIs() {
        UUID id = UUID.randomUUID();
        RecommendationChanged data = new RecommendationChanged(id, UUID.randomUUID(), "LAO-2023-01", "LAO", 2023, 1,
                "Investigate and prosecute trafficking crimes", 1, List.of(Pillar.PROSECUTION), List.of(), null,
                RecommendationState.ACTIVE, "CREATED", Instant.parse("2023-06-15T00:00:00Z"));
        EventEnvelope<RecommendationChanged> sent = new EventEnvelope<>(UUID.randomUUID(),
                EventType.RECOMMENDATION_CHANGED.name(), 1, Instant.parse("2023-06-15T00:00:01Z"), id, 3, data);
        String encoded = codec.encode(sent);
        String dataFirst = "{\"data\":" + encoded.substring(encoded.indexOf("\"data\":") + 7, encoded.length() - 1)
                + "," + encoded.substring(1, encoded.indexOf(",\"data\":")) + "}";

        assertThat(dataFirst).startsWith("{\"data\":{");
        assertThat(codec.decode(dataFirst)).isEqualTo(sent);
    }

    @Test
    void anEnvelopeWithoutDataOrWithNullDataIsRefused() {
        String envelope = """
                {"eventId":"%s","type":"rectrack.report.changed","schemaVersion":1,
                 "occurredAt":"2023-01-01T00:00:00Z","aggregateId":"%s","aggregateVersion":1%s}
                """;

        for (String data : List.of("", ",\"data\":null")) {
            assertThatThrownBy(() -> codec.decode(envelope.formatted(UUID.randomUUID(), UUID.randomUUID(), data)))
                    .isInstanceOf(EventCodec.MalformedEventException.class)
                    .hasMessageContaining("missing data");
        }
    }

    @Test
    void anEnvelopeOfTheWrongShapeIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> codec.decode("[1, 2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> codec.decode("")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> codec.decode("{\"type\": {\"nested\": true}}"))
                .hasMessage("unknown event type ''");
        assertThatThrownBy(() -> codec.decode("{\"type\": \"rectrack.report.changed\", \"schemaVersion\": 1,"
                + " \"data\": {\"reportId\": "))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> codec.decode("""
                {"eventId":"not a uuid","type":"rectrack.report.changed","schemaVersion":1,
                 "occurredAt":"2023-01-01T00:00:00Z","aggregateId":"%s","aggregateVersion":1,"data":{}}
                """.formatted(UUID.randomUUID())))
                .hasMessageStartingWith("invalid rectrack.report.changed");
    }
}
