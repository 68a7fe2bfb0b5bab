package org.rectrack.gateway.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.ReportChanged;
import org.rectrack.events.recommendations.Tier;

/**
 * Year-end compliance reports from a read model fed through the real topics. Each test owns one year of
 * Laos, so tests never see each other's data.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ComplianceReportTest {

    private static final String LAO_SUMMARY = "ກະຊວງ ປ້ອງກັນ ຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ";

    @Inject
    EventCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(properties);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aReportAsOfACutOffKeepsItsBytesInEveryFormatWhateverHappensLater() {
        Fixture laos = publishYear(2091);
        Instant cutOff = Instant.now();
        byte[] json = download(laos.year, cutOff, "application/json");
        byte[] csv = download(laos.year, cutOff, "text/csv");
        byte[] pdf = download(laos.year, cutOff, "application/pdf");

        // After the cut-off: the verified evidence is retracted, the second recommendation is fulfilled.
        evidence(laos.training, laos.first, laos.year, Assessment.ADVANCES, EvidenceState.RETRACTED, 3, Visibility.PUBLIC);
        UUID fulfilment = UUID.randomUUID();
        evidence(fulfilment, laos.second, laos.year, Assessment.FULFILLS, EvidenceState.VERIFIED, 1, Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor()
                .get("/api/v1/recommendations/" + laos.second)
                .then().statusCode(200).body("status", equalTo("IMPLEMENTED")));

        // Compared as text first, so that a failure shows where the two differ.
        assertThat(new String(download(laos.year, cutOff, "application/json"), StandardCharsets.UTF_8))
                .isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThat(download(laos.year, cutOff, "application/json")).isEqualTo(json);
        assertThat(download(laos.year, cutOff, "text/csv")).isEqualTo(csv);
        assertThat(download(laos.year, cutOff, "application/pdf")).isEqualTo(pdf);
        assertThat(download(laos.year, Instant.now(), "application/json")).isNotEqualTo(json);
    }

    @Test
    void theJsonReportExplainsEachStatusAndSummarisesTheYear() {
        Fixture laos = publishYear(2092);

        var report = auditor().accept("application/json")
                .queryParam("asOf", Instant.now().toString())
                .get("/api/v1/compliance-reports/LAO/" + laos.year)
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("report.tier")).isEqualTo("TIER_2_WATCH_LIST");
        assertThat(report.getList("recommendations.code")).containsExactly("LAO-" + laos.year + "-01", "LAO-" + laos.year + "-02");
        assertThat(report.getList("recommendations.status")).containsExactly("IN_PROGRESS", "NO_EVIDENCE");
        assertThat(report.getString("recommendations[0].rule")).startsWith("SOME_ADVANCES");
        assertThat(report.getList("recommendations[0].evidence.id")).containsExactly(laos.training.toString());
        assertThat(report.getString("recommendations[0].evidence[0].citation.title")).isEqualTo("Vientiane Times");
        assertThat(report.getInt("recommendations[0].pendingEvidence")).isEqualTo(1);
        assertThat(report.getInt("summary.total")).isEqualTo(2);
        assertThat(report.getString("summary.shareImplementedOrInProgress")).isEqualTo("50.0");
        assertThat(report.getList("metrics.kind")).containsExactly("OFFICIALS_TRAINED");
        assertThat(report.getList("metrics[0].values")).containsExactly(null, null, 300);
        assertThat(report.getString("dataSha256")).matches("[0-9a-f]{64}");
    }

    @Test
    void theCsvOpensInASpreadsheetWithLaoTextIntact() {
        Fixture laos = publishYear(2093);

        byte[] csv = download(laos.year, Instant.now(), "text/csv");

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n")
                .contains("\"Increase efforts to identify victims, including men, boys, and LGBTQI+ persons.\"")
                .contains("ສືບສວນ ແລະ ດຳເນີນຄະດີ");
    }

    @Test
    void thePdfSetsLaoTextInAnEmbeddedLaoFont() throws IOException {
        Fixture laos = publishYear(2094);

        try (PDDocument pdf = Loader.loadPDF(download(laos.year, Instant.now(), "application/pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("ສືບສວນ ແລະ ດຳເນີນຄະດີ").contains("LAO-" + laos.year + "-01")
                    .contains("Figures from verified evidence");
            var resources = pdf.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name).getName() + (resources.getFont(name).isEmbedded() ? "" : " (not embedded)"));
            }
            assertThat(fonts).anySatisfy(font -> assertThat(font).endsWith("+NotoSansLao-Regular"));
        }
    }

    @Test
    void restrictedEvidenceCountsInTheAuditorsReport() {
        Fixture laos = publishYear(2095);
        UUID restricted = UUID.randomUUID();
        evidence(restricted, laos.second, laos.year, Assessment.NO_PROGRESS, EvidenceState.VERIFIED, 1, Visibility.RESTRICTED);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor().accept("application/json")
                .get("/api/v1/compliance-reports/LAO/" + laos.year)
                .then().statusCode(200).body("recommendations[1].status", equalTo("NOT_STARTED")));
    }

    @Test
    void onlyAnAuditorMayDownloadAReport() {
        given().auth().oauth2(TestTokens.forRole("diplomat")).accept("application/json")
                .get("/api/v1/compliance-reports/LAO/2023")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownCountryOrABadOrFutureCutOffIsABadRequest() {
        auditor().accept("application/json").get("/api/v1/compliance-reports/XXX/2023")
                .then().statusCode(400).body("errors[0].field", equalTo("country"));
        auditor().accept("application/json").queryParam("asOf", "last christmas")
                .get("/api/v1/compliance-reports/LAO/2023")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        auditor().accept("application/json").queryParam("asOf", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/compliance-reports/LAO/2023")
                .then().statusCode(400).body("errors[0].message", equalTo("must not be in the future"));
    }

    @Test
    void aYearWithoutAReportIsNotFound() {
        auditor().accept("application/pdf").get("/api/v1/compliance-reports/LAO/2099")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** A report with two recommendations; verified training evidence with a figure on the first, one pending. */
    private record Fixture(int year, UUID first, UUID second, UUID training) {
    }

    private Fixture publishYear(int year) {
        UUID report = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant now = Instant.now();
        send(EventType.REPORT_CHANGED, report, 1, new ReportChanged(report, "LAO", year, Tier.TIER_2_WATCH_LIST,
                "U.S. Department of State", year + " Trafficking in Persons Report: Laos", null,
                LocalDate.of(2023, 6, 15), null, null, 2, now));
        send(EventType.RECOMMENDATION_CHANGED, first, 1, recommendation(first, report, year, 1,
                "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ", now));
        send(EventType.RECOMMENDATION_CHANGED, second, 1, recommendation(second, report, year, 2,
                "Increase efforts to identify victims, including men, boys, and LGBTQI+ persons.", now));
        UUID training = UUID.randomUUID();
        evidence(training, first, year, Assessment.ADVANCES, EvidenceState.VERIFIED, 2, Visibility.PUBLIC);
        evidence(UUID.randomUUID(), first, year, Assessment.FULFILLS, EvidenceState.SUBMITTED, 1, Visibility.PUBLIC);
        // Every event of the fixture applied (they travel on several partitions) before any test takes a cut-off.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            auditor().get("/api/v1/reports/" + report).then().statusCode(200);
            auditor().get("/api/v1/recommendations/" + second).then().statusCode(200);
            auditor().get("/api/v1/recommendations/" + first)
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("pendingCount", equalTo(1));
        });
        return new Fixture(year, first, second, training);
    }

    private static RecommendationChanged recommendation(UUID id, UUID report, int year, int rank, String text, Instant at) {
        return new RecommendationChanged(id, report, "LAO-%d-%02d".formatted(year, rank), "LAO", year, rank, text, 1,
                List.of(Pillar.PROSECUTION), List.of(), null, RecommendationState.ACTIVE, "CREATED", at);
    }

    /** Evidence of an action on 1 March 2023; ADVANCES evidence states 300 officials trained in {@code year}. */
    private void evidence(UUID id, UUID recommendation, int year, Assessment assessment, EvidenceState state,
            long version, Visibility visibility) {
        Instant now = Instant.now();
        List<EvidenceChanged.Metric> metrics = assessment == Assessment.ADVANCES
                ? List.of(new EvidenceChanged.Metric(MetricKind.OFFICIALS_TRAINED, new BigDecimal("300"), "PERSONS", null,
                        null, year))
                : List.of();
        LocalDate day = LocalDate.of(2023, 3, 1);
        send(EventType.EVIDENCE_CHANGED, id, version, new EvidenceChanged(id, "lao-ngo",
                List.of(new EvidenceChanged.Link(recommendation, assessment)), day, day, LAO_SUMMARY, "lo",
                new EvidenceChanged.Source("Vientiane Times", "Vientiane Times", "https://example.org/vt/1", null, day,
                        "training … to at least 300 police officers"),
                metrics, visibility, state,
                List.of(new EvidenceChanged.Transition(state, "someone", "lao-ngo", now, null)), state.name(), now));
    }

    private <T> void send(EventType<T> type, UUID id, long version, T data) {
        EventEnvelope<T> envelope = new EventEnvelope<>(UUID.randomUUID(), type.name(), type.schemaVersion(),
                Instant.now(), id, version, data);
        try {
            producer.send(new ProducerRecord<>(type.topic(), id.toString(), codec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type.name(), e);
        }
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(TestTokens.forRole("auditor"));
    }

    private static byte[] download(int year, Instant asOf, String type) {
        return auditor().accept(type).queryParam("asOf", asOf.toString())
                .get("/api/v1/compliance-reports/LAO/" + year)
                .then().statusCode(200).extract().asByteArray();
    }
}
