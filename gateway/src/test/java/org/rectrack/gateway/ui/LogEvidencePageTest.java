package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;
import static org.rectrack.gateway.TestEvents.report;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The "log evidence" form without the evidence-service (the test configuration points at a closed port): the form
 * for NGOs only, its CSRF token and Idempotency-Key, finding recommendations with their status, adding a metric row
 * without JavaScript, the source hint within what the viewer may see, and a 503 that keeps everything typed.
 * Recording itself is in LogEvidenceEndToEndTest, against the real evidence-service.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class LogEvidencePageTest {

    private static final String FORM = "form[action=/evidence/new]";

    @Test
    void theFormIsForNgosWithACsrfTokenAndAnIdempotencyKeyAndEveryInputLabelled() {
        Forms.Opened opened = Forms.open("ngo", "ngo-form-" + UUID.randomUUID(), "/evidence/new");
        Document page = opened.page();
        assertThat(opened.csrfCookie()).isNotBlank();
        assertThat(page.selectFirst(FORM + " input[type=hidden][name=csrf-token]").val()).isEqualTo(opened.csrfCookie());
        assertThat(UUID.fromString(page.selectFirst(FORM + " input[name=idempotencyKey]").val())).isNotNull();
        assertThat(Forms.open("ngo", "ngo-form", "/evidence/new").page().selectFirst("input[name=idempotencyKey]").val())
                .as("every form shown new has a key of its own")
                .isNotEqualTo(page.selectFirst("input[name=idempotencyKey]").val());
        page.select("input:not([type=hidden]), select, textarea").forEach(control -> assertThat(
                page.select("label[for=" + control.id() + "]")).as("label of " + control).hasSize(1));
        assertThat(page.select("input[name=visibility]")).hasSize(2);
        assertThat(page.selectFirst("#visibility-restricted-hint").text()).contains("Only your organisation");
        assertThat(page.select("script[src=/assets/draft.js]")).hasSize(1);
        browserGets("/assets/draft.js");
    }

    @Test
    void anotherRoleGetsA403PageWithoutTheForm() {
        for (String role : new String[] { "diplomat", "reviewer", "admin", "auditor" }) {
            Response response = browser(role).get("/evidence/new");
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(html(response).select("form[action=/evidence/new]")).as(role).isEmpty();
        }
    }

    @Test
    void findingShowsTheYearsRecommendationsWithTheirStatusAndKeepsWhatWasTyped() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID reportId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publishAndAwait(report(reportId, 1, where, Tier.TIER_2, minutesAgo(10)));
        publishAndAwait(recommendation(first, 1, reportId, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(9)));
        publishAndAwait(recommendation(second, 1, reportId, where, 2, "Train labour inspectors", null,
                RecommendationState.ACTIVE, minutesAgo(9)));

        String organisation = "ngo-find-" + UUID.randomUUID();
        Forms.Opened opened = Forms.open("ngo", organisation, "/evidence/new");
        Map<String, String> values = opened.values(FORM);
        values.put("country", where.country());
        values.put("year", Integer.toString(where.year()));
        values.put("q", "inspectors");
        values.put("summary", "ຝຶກອົບຮົມ ເຈົ້າໜ້າທີ່ກວດກາແຮງງານ");
        values.put("action", "find");
        Response found = Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values);

        assertThat(found.statusCode()).isEqualTo(200);
        Document page = html(found);
        assertThat(page.select(FORM + " input[name$=.recommendationId]")).extracting(e -> e.val())
                .containsExactly(second.toString());
        assertThat(page.selectFirst(FORM + " tbody tr").text()).contains("Train labour inspectors", "No evidence");
        assertThat(page.selectFirst("textarea[name=summary]").wholeText()).isEqualTo("ຝຶກອົບຮົມ ເຈົ້າໜ້າທີ່ກວດກາແຮງງານ");
        assertThat(page.selectFirst("input[name=idempotencyKey]").val()).isEqualTo(values.get("idempotencyKey"));

        // An assessed recommendation stays in the form when the NGO looks for another.
        Map<String, String> again = new Forms.Opened(page, opened.csrfCookie()).values(FORM);
        again.put("recommendations[0].assessment", "ADVANCES");
        again.put("q", "1");
        again.put("action", "find");
        Document both = html(Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), again));
        assertThat(both.select(FORM + " input[name$=.recommendationId]")).extracting(e -> e.val())
                .containsExactly(second.toString(), first.toString());
        assertThat(both.selectFirst("select[name=recommendations[0].assessment] option[selected]").val())
                .isEqualTo("ADVANCES");
    }

    @Test
    void addingAMetricRowWithoutJavaScriptShowsTheFormAgainWithOneMoreRowAndTheTypedFigures() {
        String organisation = "ngo-rows-" + UUID.randomUUID();
        Forms.Opened opened = Forms.open("ngo", organisation, "/evidence/new");
        Map<String, String> values = opened.values(FORM);
        values.put("metrics[0].kind", "OFFICIALS_TRAINED");
        values.put("metrics[0].value", "300");
        values.put("metrics[0].unit", "PERSONS");
        values.put("action", "add-metric");
        Document page = html(Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values));

        assertThat(page.select("fieldset.metric-row")).hasSize(2);
        assertThat(page.selectFirst("input[name=metrics[0].value]").val()).isEqualTo("300");
        assertThat(page.selectFirst("select[name=metrics[0].kind] option[selected]").val()).isEqualTo("OFFICIALS_TRAINED");
        assertThat(page.selectFirst("input[name=metrics[1].value]").val()).isEmpty();
        assertThat(page.selectFirst("#add-metric").attr("hx-get")).endsWith("index=2");

        // htmx asks for the row alone, and the button that adds the one after it.
        Response fragment = browser("ngo", organisation).header("HX-Request", "true").get("/evidence/new/metric-row?index=2");
        Document row = html(fragment);
        assertThat(row.select("fieldset.metric-row input[name=metrics[2].value]")).hasSize(1);
        assertThat(row.selectFirst("#add-metric").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(row.selectFirst("#add-metric").attr("hx-get")).endsWith("index=3");
        assertThat(row.select("header")).isEmpty();
    }

    @Test
    void whenTheEvidenceServiceIsDownTheFormComesBackAs503WithEverythingTyped() {
        String organisation = "ngo-down-" + UUID.randomUUID();
        Forms.Opened opened = Forms.open("ngo", organisation, "/evidence/new");
        Map<String, String> values = opened.values(FORM);
        values.put("summary", "Trained 300 police officers");
        values.put("source.title", "Vientiane Times");
        values.put("metrics[0].value", "300");
        Response answer = Forms.post("ngo", organisation, "/evidence/new", opened.csrfCookie(), values);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
        Document page = html(answer);
        assertThat(page.selectFirst(".form-problem").text()).contains("evidence-service");
        assertThat(page.selectFirst("textarea[name=summary]").wholeText()).isEqualTo("Trained 300 police officers");
        assertThat(page.selectFirst("input[name=source.title]").val()).isEqualTo("Vientiane Times");
        assertThat(page.selectFirst("input[name=metrics[0].value]").val()).isEqualTo("300");
        assertThat(page.selectFirst("input[name=idempotencyKey]").val()).as("a retry is the same submission")
                .isEqualTo(values.get("idempotencyKey"));
    }

    @Test
    void theSourceHintListsEarlierCitationsOnlyAmongEvidenceTheViewerMaySee() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID reportId = UUID.randomUUID();
        UUID recommendationId = UUID.randomUUID();
        publishAndAwait(report(reportId, 1, where, Tier.TIER_2, minutesAgo(10)));
        publishAndAwait(recommendation(recommendationId, 1, reportId, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(9)));
        String mine = "ngo-mine-" + UUID.randomUUID();
        String theirs = "ngo-theirs-" + UUID.randomUUID();
        UUID theirRestricted = UUID.randomUUID();
        UUID myRestricted = UUID.randomUUID();
        Instant now = Instant.now();
        publishAndAwait(TestEvents.evidence(theirRestricted, 1, recommendationId, Assessment.ADVANCES,
                LocalDate.of(where.year(), 3, 1), theirs, Visibility.RESTRICTED, EvidenceState.SUBMITTED, now));
        publishAndAwait(TestEvents.evidence(myRestricted, 1, recommendationId, Assessment.ADVANCES,
                LocalDate.of(where.year(), 3, 1), mine, Visibility.RESTRICTED, EvidenceState.SUBMITTED, now));
        // TestEvents cites this source for all its evidence.
        String url = "/evidence/new/source-hint?source.url=https://www.vientianetimes.org.la/";

        Document myHint = html(browser("ngo", mine).header("HX-Request", "true").get(url));
        Document theirHint = html(browser("ngo", theirs).header("HX-Request", "true").get(url));
        assertThat(myHint.select("a[href=/evidence/" + myRestricted + "]")).hasSize(1);
        assertThat(myHint.select("a[href=/evidence/" + theirRestricted + "]")).isEmpty();
        assertThat(theirHint.select("a[href=/evidence/" + theirRestricted + "]")).hasSize(1);
        assertThat(theirHint.select("a[href=/evidence/" + myRestricted + "]")).isEmpty();
        assertThat(html(browser("ngo", mine).header("HX-Request", "true")
                .get("/evidence/new/source-hint?source.url=https://nowhere.example/" + UUID.randomUUID()))
                .select("#source-hint li")).isEmpty();
    }

    private static void browserGets(String path) {
        io.restassured.RestAssured.given().get(path).then().statusCode(200);
    }
}
