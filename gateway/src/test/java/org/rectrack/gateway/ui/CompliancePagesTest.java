package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;
import static org.rectrack.gateway.TestEvents.report;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
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
 * The compliance report page (auditor) and "verify a report" (everyone): the report in HTML in a pinned frame, its
 * files with the SHA-256 of their bytes, issuing it from the page, and verifying the issued hash and an unknown one.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class CompliancePagesTest {

    @Test
    void theReportShowsItsFilesHashesAndIsIssuedFromThePageWithTheHashTheFileHas() throws Exception {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID reportId = UUID.randomUUID();
        UUID recommendationId = UUID.randomUUID();
        publishAndAwait(report(reportId, 1, where, Tier.TIER_2, minutesAgo(60)));
        publishAndAwait(recommendation(recommendationId, 1, reportId, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(59)));
        publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendationId, Assessment.ADVANCES,
                LocalDate.of(where.year(), 3, 1), "ngo-" + UUID.randomUUID(), Visibility.PUBLIC, EvidenceState.VERIFIED,
                minutesAgo(30)));

        Forms.Opened opened = Forms.open("auditor", "audit",
                "/compliance-reports?country=" + where.country() + "&year=" + where.year());
        Document page = opened.page();
        assertThat(page.selectFirst("#the-report").parent().text()).contains("Prosecute traffickers", "In progress");
        String pdfLink = page.selectFirst("a[href*=/pdf?asOf=" + where.year() + "-12-31&knownAt=]").attr("href");
        String shownPdfHash = page.selectFirst("code.sha256-pdf").text();
        Response pdf = browser("auditor", "audit").urlEncodingEnabled(false).get(pdfLink);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(sha256(pdf.asByteArray())).isEqualTo(shownPdfHash);

        Map<String, String> issue = opened.values("form[action=/compliance-reports/issue]");
        Response issued = Forms.post("auditor", "audit", "/compliance-reports/issue", opened.csrfCookie(), issue);
        assertThat(issued.statusCode()).isEqualTo(303);
        Response again = Forms.post("auditor", "audit", "/compliance-reports/issue", opened.csrfCookie(), issue);
        assertThat(again.header("Location")).as("issued once").isEqualTo(issued.header("Location"));
        String back = issued.header("Location").substring(issued.header("Location").indexOf("/compliance-reports"));
        Document shown = html(browser("auditor", "audit").urlEncodingEnabled(false).get(back));
        assertThat(shown.selectFirst("#issued code.sha256").text()).isEqualTo(shownPdfHash);

        Forms.Opened verify = Forms.open("diplomat", "embassy", "/verify");
        Document verdict = html(browser("diplomat", "embassy").cookie(Forms.CSRF, verify.csrfCookie())
                .multiPart("csrf-token", verify.page().selectFirst("input[name=csrf-token]").val())
                .multiPart("sha256", shownPdfHash).post("/verify"));
        assertThat(verdict.selectFirst("#verdict").text()).contains("Issued by rectrack");
        assertThat(verdict.selectFirst("section[aria-labelledby=verdict]").text()).contains(where.country() + " " + where.year());
        Document unknown = html(browser("diplomat", "embassy").cookie(Forms.CSRF, verify.csrfCookie())
                .multiPart("csrf-token", verify.page().selectFirst("input[name=csrf-token]").val())
                .multiPart("file", "report.csv", "not a report".getBytes(), "text/csv").post("/verify"));
        assertThat(unknown.selectFirst("#verdict").text()).contains("Not issued by rectrack");
    }

    @Test
    void anotherRoleGetsA403PageWithoutTheReport() {
        for (String role : new String[] { "diplomat", "ngo", "reviewer", "admin" }) {
            Response response = browser(role).get("/compliance-reports?country=LAO&year=2023");
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(html(response).select("#the-report")).isEmpty();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
