package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.endtoend.RunningServices;

/**
 * The work pages' forms against the real evidence-service and recommendations-service: a double-submitted evidence
 * form records one piece of evidence, a refused one shows each problem beside its field with everything typed kept,
 * and a review decided from the item page, the second reviewer being told someone else decided first.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class LogEvidenceEndToEndTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String FORM = "form[action=/evidence/new]";

    @Test
    void aDoubleSubmittedFormRecordsOneEvidenceAndShowsItUnderMyOrganisation() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where);
        String organisation = "ngo-twice-" + UUID.randomUUID();
        String summary = "ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ " + UUID.randomUUID();
        Forms.Opened opened = Forms.open("ngo", organisation,
                "/evidence/new?country=" + where.country() + "&year=" + where.year());
        assertThat(opened.page().select(FORM + " input[value=" + recommendation + "]")).hasSize(1);
        Map<String, String> values = opened.values(FORM);
        fill(values, summary);

        // The evidence-service learns of the recommendation from the topic: until then it answers 422.
        Response first = await().atMost(EVENTUALLY).until(
                () -> Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values),
                response -> response.statusCode() != 422);
        Response second = Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).contains("/my-organisation?recorded=")
                .isEqualTo(second.header("Location"));
        String id = first.header("Location").substring(first.header("Location").indexOf("recorded=") + 9);
        List<String> recorded = as("ngo", organisation).queryParam("recommendationId", recommendation.toString())
                .get("/api/v1/evidence").jsonPath().getList("items.id", String.class);
        assertThat(recorded).containsExactly(id);
        Document mine = html(browser("ngo", organisation).get("/my-organisation?recorded=" + id));
        assertThat(mine.selectFirst("#state-SUBMITTED").parent().select("a[href=/evidence/" + id + "]")).hasSize(1);
        assertThat(mine.selectFirst("#state-SUBMITTED").parent().text()).contains(summary);
    }

    @Test
    void aRefusedFormShowsEachProblemBesideItsFieldWithEverythingTypedKept() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where);
        String organisation = "ngo-refused-" + UUID.randomUUID();
        Forms.Opened opened = Forms.open("ngo", organisation,
                "/evidence/new?country=" + where.country() + "&year=" + where.year());
        Map<String, String> values = opened.values(FORM);
        fill(values, "");
        values.put("source.url", "vientianetimes.org.la/training");

        Response refused = await().atMost(EVENTUALLY).until(
                () -> Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values),
                response -> response.statusCode() != 422);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = html(refused);
        assertThat(page.selectFirst("#f-summary").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#f-summary-error")).as("the summary's problem beside it").isNotNull();
        assertThat(page.selectFirst("#f-source-url-error").text()).contains("http");
        assertThat(page.select(".form-problem a[href=#f-source-url]")).hasSize(1);
        assertThat(page.selectFirst("input[name=source.url]").val()).isEqualTo("vientianetimes.org.la/training");
        assertThat(page.selectFirst("input[name=source.title]").val()).isEqualTo("Vientiane Times");
        assertThat(page.selectFirst("input[name=metrics[0].value]").val()).isEqualTo("300");
        assertThat(page.selectFirst("select[name=recommendations[0].assessment] option[selected]").val())
                .isEqualTo("ADVANCES");
        assertThat(as("ngo", organisation).queryParam("recommendationId", recommendation.toString())
                .get("/api/v1/evidence").jsonPath().getInt("totalItems")).isZero();
    }

    @Test
    void aReviewerVerifiesFromTheItemAndTheSecondToDecideIsToldSomeoneElseDecidedFirst() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where);
        String organisation = "ngo-reviewed-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response submitted = await().atMost(EVENTUALLY).until(() -> as("ngo", organisation)
                .header("Idempotency-Key", key).body(evidenceOn(recommendation)).post("/api/v1/evidence"),
                response -> response.statusCode() != 422);
        String evidence = submitted.then().statusCode(201).extract().path("id");
        String item = "/review/" + evidence + "?country=" + where.country();

        Forms.Opened first = Forms.open("reviewer", "board", item);
        Forms.Opened second = Forms.open("reviewer", "board", item);
        assertThat(first.page().selectFirst("tr.outcome td.if-verified").text()).contains("In progress");
        Map<String, String> verify = first.values("form:has(button[value=verify])");
        verify.put("action", "verify");
        Response verified = Forms.post("reviewer", "board", "/review/" + evidence, first.csrfCookie(), verify);
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.header("Location")).contains("/review");

        Map<String, String> reject = second.values("form:has(button[value=reject])");
        reject.put("action", "reject");
        reject.put("reason", "Not the ministry named");
        Response late = Forms.post("reviewer", "board", "/review/" + evidence, second.csrfCookie(), reject);
        assertThat(late.statusCode()).isEqualTo(409);
        Document told = html(late);
        assertThat(told.selectFirst("#decided-elsewhere").text()).contains("Someone else decided first", "Verified");
        assertThat(told.select("button[value=reject]")).isEmpty();
        assertThat(html(browser("reviewer", "board").get(item)).selectFirst("tr.outcome td.now").text())
                .contains("In progress");
    }

    @Test
    void anAdminImportsATextWithADryRunThenConfirmsIt() {
        String publisher = "U.S. Department of State (pages " + UUID.randomUUID().toString().substring(0, 8) + ")";
        Forms.Opened opened = Forms.open("admin", "", "/import");
        String token = opened.page().selectFirst("input[name=csrf-token]").val();

        Response dryRun = browser("admin", "").cookie(Forms.CSRF, opened.csrfCookie()).multiPart("csrf-token", token)
                .multiPart(utf8("text", Seeds.read(Seeds.REPORT_2023))).multiPart("publisher", publisher)
                .multiPart("action", "dry-run").post("/import");
        assertThat(dryRun.statusCode()).as(dryRun.asString()).isEqualTo(200);
        Document preview = html(dryRun);
        assertThat(preview.selectFirst("#preview").text()).contains("LAO 2023");
        assertThat(preview.select("tr.parsed")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(preview.select("#imported")).isEmpty();
        assertThat(as("admin", "").queryParam("country", "LAO").queryParam("year", 2023).get("/api/v1/reports")
                .jsonPath().getList("items.publisher", String.class)).as("a dry run writes nothing").doesNotContain(publisher);

        Response confirmed = browser("admin", "").cookie(Forms.CSRF, opened.csrfCookie()).multiPart("csrf-token", token)
                .multiPart(utf8("text", preview.selectFirst("textarea[name=text]").wholeText()))
                .multiPart("publisher", preview.selectFirst("input[name=publisher]").val())
                .multiPart("action", "confirm").post("/import");
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(html(confirmed).selectFirst("#imported").text()).contains("Imported");
        assertThat(as("admin", "").queryParam("country", "LAO").queryParam("year", 2023).get("/api/v1/reports")
                .jsonPath().getList("items.publisher", String.class)).contains(publisher);
    }

    @Test
    void anAdminPublishesAReportFromTheFormAndAProblemIsShownBesideItsRow() {
        CountryYear where = TestEvents.uniqueCountryYear();
        Forms.Opened opened = Forms.open("admin", "", "/reports");
        Map<String, String> values = opened.values("form[action=/reports/publish]");
        values.put("country", where.country());
        values.put("year", Integer.toString(where.year()));
        values.put("tier", "TIER_2");
        values.put("title", where.year() + " Trafficking in Persons Report");
        values.put("recommendations[1].text", "Prosecute traffickers.");
        values.put("recommendations[1].rank", "0");
        values.put("action", "publish");
        Response refused = Forms.post("admin", "", "/reports/publish", opened.csrfCookie(), values);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = html(refused);
        assertThat(page.selectFirst("#f-recommendations-1--rank").parent().select(".field-error")).hasSize(1);
        assertThat(page.selectFirst("textarea[name=recommendations[1].text]").wholeText()).isEqualTo("Prosecute traffickers.");

        values.put("recommendations[1].rank", "1");
        Response published = Forms.post("admin", "", "/reports/publish", opened.csrfCookie(), values);
        assertThat(published.statusCode()).isEqualTo(303);
        Document listed = html(browser("admin", "").get("/reports?country=" + where.country() + "&year=" + where.year()));
        assertThat(listed.select("article.recommendation-change").text()).contains("Prosecute traffickers.");
    }

    @Test
    void anAdminAcceptsAnImportsLineageProposalFromTheLineagePage() {
        String publisher = "U.S. Department of State (lineage " + UUID.randomUUID().toString().substring(0, 8) + ")";
        importSeed(Seeds.LAO_NEWS_AND_REPORT_2022, publisher);
        List<String> ids2023 = importSeed(Seeds.REPORT_2023, publisher);

        Forms.Opened opened = Forms.open("admin", "", "/lineage?country=LAO&year=2023");
        var waiting = ids2023.stream().map(id -> opened.page().selectFirst("#r-" + id))
                .filter(item -> item != null && item.selectFirst("li[id^=p-] button[value=accept]") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no proposal of this import waits on the page: "
                        + opened.page().select("main").text()));
        var proposal = waiting.selectFirst("li[id^=p-]:has(button[value=accept])");
        assertThat(proposal.text()).contains("Waiting", "%", "LAO-2022-");
        String action = proposal.selectFirst("form").attr("action");
        Map<String, String> values = new Forms.Opened(Jsoup.parse(proposal.outerHtml()), opened.csrfCookie()).values("form");
        values.put("action", "accept");

        Response accepted = Forms.post("admin", "", action, opened.csrfCookie(), values);

        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/lineage?country=LAO&year=2023#" + waiting.id());
        var after = html(browser("admin", "").get("/lineage?country=LAO&year=2023")).selectFirst("#" + waiting.id());
        assertThat(after.selectFirst("#" + proposal.id()).text()).contains("Accepted");
        assertThat(after.selectFirst("#" + proposal.id() + " button")).isNull();
        assertThat(after.text()).contains("Continues: LAO-2022-");
    }

    /** The ids of the recommendations of a seed imported through the gateway. */
    private static List<String> importSeed(String seed, String publisher) {
        return as("admin", "").contentType("text/plain; charset=UTF-8").body(Seeds.read(seed))
                .queryParam("publisher", publisher).post("/api/v1/reports/import").then().statusCode(201)
                .extract().jsonPath().getList("report.recommendations.id");
    }

    /** A text field as a browser sends it from a UTF-8 page. */
    private static MultiPartSpecification utf8(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain").charset(StandardCharsets.UTF_8)
                .build();
    }

    private static void fill(Map<String, String> values, String summary) {
        values.put("recommendations[0].assessment", "ADVANCES");
        values.put("actionDate", "2023-03-01");
        values.put("summary", summary);
        values.put("language", "lo");
        values.put("source.title", "Vientiane Times");
        values.put("source.url", "https://www.vientianetimes.org.la/" + UUID.randomUUID());
        values.put("metrics[0].kind", "OFFICIALS_TRAINED");
        values.put("metrics[0].value", "300");
        values.put("metrics[0].unit", "PERSONS");
        values.put("visibility", "PUBLIC");
    }

    private static UUID publishReport(CountryYear where) {
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "U.S. Department of State",
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(Map.of("rank", 1, "text", "Vigorously investigate and prosecute traffickers.",
                        "pillars", List.of("PROSECUTION"), "targetGroups", List.of())));
        return UUID.fromString(as("admin").body(report).post("/api/v1/reports").then().statusCode(201).extract()
                .path("recommendations[0].id"));
    }

    private static Map<String, Object> evidenceOn(UUID recommendation) {
        return Map.of("recommendations", List.of(Map.of("recommendationId", recommendation.toString(), "assessment", "ADVANCES")),
                "actionDate", "2023-03-01", "summary", "Trained 300 police officers", "language", "en",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/"),
                "visibility", "PUBLIC");
    }
}
