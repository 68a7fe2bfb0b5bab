package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * The "What changed" page (diplomat, auditor): a year against the previous one, with the text's difference in
 * {@code <del>} and {@code <ins>}, and the status changes between two instants, with no restricted evidence a
 * diplomat may not see.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ChangesPageTest {

    private static final String OTHER_ORGANISATION = "other-ngo";

    /** Two years of one country: A repeated (reworded) as C, B dropped, D new; the tier up from the Watch List. */
    private record TwoYears(CountryYear first, CountryYear second, UUID a, UUID b, UUID c, UUID d, Instant recorded) {

        static TwoYears publish() {
            CountryYear first = TestEvents.uniqueCountryYear();
            CountryYear second = first.nextYear();
            UUID report1 = UUID.randomUUID();
            UUID report2 = UUID.randomUUID();
            publishAndAwait(TestEvents.report(report1, 1, first, Tier.TIER_2_WATCH_LIST, minutesAgo(60)));
            publishAndAwait(TestEvents.report(report2, 1, second, Tier.TIER_2, minutesAgo(60)));
            UUID a = recommendation(report1, first, 1, "Vigorously investigate and prosecute trafficking crimes.", null);
            UUID b = recommendation(report1, first, 2, "Train officials to identify victims among migrants.", null);
            UUID c = recommendation(report2, second, 1,
                    "Vigorously investigate, prosecute and convict trafficking crimes.", a);
            UUID d = UUID.randomUUID();
            Instant recorded = publishAndAwait(TestEvents.recommendation(d, 1, report2, second, 2,
                    "Amend the penal code to criminalise all forms of trafficking.", null, RecommendationState.ACTIVE,
                    minutesAgo(50)));
            return new TwoYears(first, second, a, b, c, d, recorded);
        }

        String yearOverYear() {
            return "/changes?country=" + second.country() + "&year=" + second.year();
        }

        private static UUID recommendation(UUID report, CountryYear where, int rank, String text, UUID continuesFrom) {
            UUID id = UUID.randomUUID();
            publishAndAwait(TestEvents.recommendation(id, 1, report, where, rank, text, continuesFrom,
                    RecommendationState.ACTIVE, minutesAgo(50)));
            return id;
        }
    }

    @Test
    void aYearAgainstThePreviousShowsTheTierNewRepeatedWithTheTextsDifferenceAndDropped() {
        TwoYears data = TwoYears.publish();

        Document page = html(browser("diplomat").get(data.yearOverYear()));

        Element section = page.selectFirst("#year-over-year");
        assertThat(section.selectFirst("h2").text()).contains("against " + data.first().year());
        assertThat(section.selectFirst(".tier-change").text()).isEqualTo("Tier: Tier 2 Watch List → Tier 2 (up)");
        assertThat(section.select("table.new a").eachAttr("href")).containsExactly("/recommendations/" + data.d());
        assertThat(section.select("table.dropped a").eachAttr("href")).containsExactly("/recommendations/" + data.b());
        Element repeated = section.selectFirst("table.repeated tbody tr");
        assertThat(repeated.select("a").eachAttr("href")).containsExactly("/recommendations/" + data.c(),
                "/recommendations/" + data.a());
        // Not by colour alone: struck through and underlined, and named for a screen reader.
        assertThat(repeated.select(".diff del").eachText()).isNotEmpty().allSatisfy(text -> assertThat(text).startsWith("removed: "));
        assertThat(repeated.select(".diff ins").eachText()).isNotEmpty().allSatisfy(text -> assertThat(text).startsWith("added: "));
        assertThat(repeated.select(".diff ins").text()).contains("convict");
        assertThat(repeated.select(".diff del").text()).doesNotContain("convict");
        assertThat(repeated.select(".status").eachText()).containsExactly("– No evidence", "– No evidence");
        assertThat(page.selectFirst("p.frame").text()).startsWith("As of " + data.second().year() + "-12-31");
    }

    @Test
    void theFilesOfTheYearDownloadAsPdfCsvAndJson() {
        TwoYears data = TwoYears.publish();
        Document page = html(browser("auditor").get(data.yearOverYear()));

        String csvLink = page.selectFirst("p.files a[href*=/csv?]").attr("href");
        Response csv = browser("auditor").urlEncodingEnabled(false).get(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).startsWith("\uFEFFcountry,year,previous year").contains("dropped", "repeated, reworded", "{+");
        Response pdf = browser("auditor").urlEncodingEnabled(false).get(page.selectFirst("p.files a[href*=/pdf?]").attr("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.asByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void statusChangesBetweenTwoInstantsShowTheirCausesButNotRestrictedEvidenceToADiplomat() {
        TwoYears data = TwoYears.publish();
        LocalDate action = LocalDate.of(data.second().year(), 8, 1);
        UUID open = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        publishAndAwait(TestEvents.evidence(open, 1, data.d(), Assessment.ADVANCES, action, "lao-ngo", Visibility.PUBLIC,
                EvidenceState.SUBMITTED, minutesAgo(20)));
        publishAndAwait(TestEvents.evidence(open, 2, data.d(), Assessment.ADVANCES, action, "lao-ngo", Visibility.PUBLIC,
                EvidenceState.VERIFIED, minutesAgo(19)));
        publishAndAwait(TestEvents.evidence(hidden, 1, data.c(), Assessment.FULFILLS, action, OTHER_ORGANISATION,
                Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(18)));
        publishAndAwait(TestEvents.evidence(hidden, 2, data.c(), Assessment.FULFILLS, action, OTHER_ORGANISATION,
                Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(17)));
        String path = "/changes?country=" + data.second().country() + "&from=" + data.recorded();

        Document diplomat = html(browser("diplomat").get(path));
        assertThat(diplomat.select("li.status-change > p > a").eachAttr("href"))
                .containsExactly("/recommendations/" + data.d());
        Element change = diplomat.selectFirst("li.status-change");
        assertThat(change.selectFirst("p").text()).contains("– No evidence → ◐ In progress");
        assertThat(change.select("ol.causes li").eachText()).hasSize(2)
                .satisfiesExactly(first -> assertThat(first).contains("Awaiting review", "Advances it"),
                        second -> assertThat(second).contains("Verified", "Advances it"));
        assertThat(change.select("ol.causes a").eachAttr("href")).containsOnly("/evidence/" + open);
        assertThat(change.selectFirst("ol.causes [lang=lo]").text()).contains("ຝຶກອົບຮົມ");
        assertThat(diplomat.html()).doesNotContain(hidden.toString(), OTHER_ORGANISATION, data.c().toString());

        Document auditor = html(browser("auditor").get(path));
        assertThat(auditor.select("li.status-change > p > a").eachAttr("href"))
                .containsExactlyInAnyOrder("/recommendations/" + data.d(), "/recommendations/" + data.c());
        assertThat(auditor.select("ol.causes a").eachAttr("href")).contains("/evidence/" + hidden);
    }

    @Test
    void aRangeEndingBeforeItStartsIsAProblemNamedOnThePage() {
        Response response = browser("diplomat").get("/changes?country=LAO&from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(html(response).text()).contains("from");
    }

    @Test
    void onlyDiplomatsAndAuditorsMayReadThePage() {
        TwoYears data = TwoYears.publish();
        for (String role : new String[] { "ngo", "reviewer", "admin" }) {
            Response response = browser(role).get(data.yearOverYear());
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(html(response).select("#year-over-year")).isEmpty();
        }
        assertThat(html(browser("diplomat").get("/")).select("nav.main-nav a[href=/changes]")).hasSize(1);
        assertThat(html(browser("ngo").get("/")).select("nav.main-nav a[href=/changes]")).isEmpty();
    }
}
