package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The board's benchmark (issue 9): for a country-year of 20 recommendations, each with verified evidence, the median
 * time a diplomat's request for the board takes on loopback (server time plus a loopback round trip: an upper bound
 * of the server's), and the page's weight without fonts (its HTML, the stylesheet and htmx, uncompressed). It prints
 * both beside their goals and asserts neither: a benchmark, not a timed test. Not part of {@code ./mvnw verify} (the
 * name is no test's); run it with
 * {@code ./mvnw -pl gateway -am test -Dtest=BoardPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class BoardPageBenchmark {

    private static final int RECOMMENDATIONS = 20;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 500;
    private static final double GOAL_P50_MS = 50;
    private static final double GOAL_KB = 150;

    @TestHTTPResource("/")
    URI root;

    @Test
    void boardOfTwentyRecommendations() throws Exception {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(50)));
        for (int rank = 1; rank <= RECOMMENDATIONS; rank++) {
            UUID recommendation = UUID.randomUUID();
            publishAndAwait(TestEvents.recommendation(recommendation, 1, report, where, rank,
                    "Recommendation " + rank + ": vigorously investigate, prosecute and convict traffickers, including"
                            + " complicit officials, and seek adequate penalties.", null, RecommendationState.ACTIVE,
                    minutesAgo(50)));
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation,
                    rank % 2 == 0 ? Assessment.ADVANCES : Assessment.NO_PROGRESS, LocalDate.of(where.year(), 8, 1),
                    "lao-ngo", Visibility.PUBLIC, EvidenceState.VERIFIED, minutesAgo(40)));
        }
        URI board = root.resolve("/countries/" + where.country() + "/" + where.year() + "?asOf=" + where.year() + "-12-31");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(board)
                .header("Authorization", "Bearer " + TestTokens.forRole("diplomat")).header("Accept", "text/html").build();

        for (int i = 0; i < WARM_UP; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[MEASURED];
        String html = null;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            html = response.body();
        }
        Arrays.sort(nanos);
        Document page = Jsoup.parse(html);
        assertThat(page.select("table.ranked tbody tr")).hasSize(RECOMMENDATIONS);

        long htmlBytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long css = bytes(client, page.selectFirst("link[rel=stylesheet]").attr("href"));
        long htmx = bytes(client, page.selectFirst("script[src]").attr("src"));
        double p50 = nanos[MEASURED / 2] / 1e6;
        double p99 = nanos[MEASURED * 99 / 100] / 1e6;
        double kb = (htmlBytes + css + htmx) / 1024.0;
        System.out.printf("%nBoard of %d recommendations, %d requests after %d warm-up, one connection on loopback:%n",
                RECOMMENDATIONS, MEASURED, WARM_UP);
        System.out.printf("  p50 %.1f ms (goal < %.0f ms), p99 %.1f ms%n", p50, GOAL_P50_MS, p99);
        System.out.printf("  weight without fonts %.1f KB (goal < %.0f KB): HTML %.1f KB, CSS %.1f KB, htmx %.1f KB"
                + " (uncompressed)%n%n", kb, GOAL_KB, htmlBytes / 1024.0, css / 1024.0, htmx / 1024.0);
    }

    private long bytes(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body().length;
    }
}
