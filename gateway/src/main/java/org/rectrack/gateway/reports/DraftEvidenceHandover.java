package org.rectrack.gateway.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.rectrack.api.evidence.ActionPeriod;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.LinkRequest;
import org.rectrack.api.evidence.Metric;
import org.rectrack.api.evidence.SubmitEvidenceRequest;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.reports.api.EvidenceSubmission;
import org.rectrack.gateway.routing.Answer;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;

/**
 * Hands the draft evidence of a report just imported to the evidence-service, so that reviewers find it in their
 * queue: each draft that names an earlier recommendation becomes public SUBMITTED evidence, sent with the importing
 * admin's token (the evidence-service records it as an admin's, which no organisation owns, shown under the
 * token's organisation or {@code report-import}).
 *
 * <p>The gateway orchestrates; neither service calls the other. The report is committed before this starts, so
 * nothing here fails the import: what could not be handed over is logged and said in the answer's
 * {@code evidenceSubmission}. Each draft goes with an Idempotency-Key made of the report id, the draft's index and
 * a digest of its content, so sending one again never makes a second piece of evidence.
 *
 * <p>The drafts name the previous year's recommendations, which the evidence-service learns of from the topic and
 * may not know yet when that year was imported a moment ago: its "unknown recommendation" is tried again after a
 * backoff that doubles, for at most {@link DraftEvidenceConfig#maxWait()} per import. Figures the evidence-service
 * cannot type (a 400 naming only metrics) are left out and the draft goes without them: its quote still states them.
 */
@ApplicationScoped
public class DraftEvidenceHandover {

    /** The field of the import's answer that says what became of the drafts. */
    public static final String FIELD = "evidenceSubmission";

    private static final String UNKNOWN_RECOMMENDATION = "urn:rectrack:problem:unknown-recommendation";

    private final Routing routing;
    private final ObjectMapper json;
    /** Reads the import's answer without rounding a number it relays (scores, amounts). */
    private final ObjectReader exactReader;
    private final DraftEvidenceConfig config;

    DraftEvidenceHandover(Routing routing, ObjectMapper json, DraftEvidenceConfig config) {
        this.routing = routing;
        this.json = json;
        this.exactReader = json.reader().with(JsonNodeFactory.withExactBigDecimals(true))
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.config = config;
    }

    /**
     * Submits the drafts of an import that created its report and answers the import's answer with
     * {@code evidenceSubmission} added; an answer that is not a JSON object is returned as it is.
     */
    public Answer handOver(Answer imported) {
        JsonNode answer;
        try {
            answer = exactReader.readTree(imported.body());
        } catch (IOException e) {
            Log.errorf(e, "The import's answer is not JSON: its draft evidence was not handed over");
            return imported;
        }
        if (!(answer instanceof ObjectNode importAnswer)) {
            Log.errorf("The import's answer is not a JSON object: its draft evidence was not handed over");
            return imported;
        }
        EvidenceSubmission submission = submitAll(importAnswer.path("report"), importAnswer.path("draftEvidence"));
        importAnswer.set(FIELD, json.valueToTree(submission));
        try {
            return new Answer(imported.status(), imported.contentType(), imported.headers(),
                    json.writeValueAsBytes(importAnswer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import's answer back", e);
        }
    }

    private EvidenceSubmission submitAll(JsonNode report, JsonNode drafts) {
        String reportId = report.path("id").asText();
        Instant deadline = Instant.now().plus(config.maxWait());
        List<UUID> evidenceIds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int withoutRecommendation = 0;
        String outage = null;
        for (int i = 0; i < drafts.size(); i++) {
            JsonNode draft = drafts.get(i);
            Optional<UUID> recommendation = recommendationOf(draft);
            if (recommendation.isEmpty()) {
                withoutRecommendation++;
            } else if (outage != null) {
                problems.add("draft " + i + ": not tried, " + outage);
            } else {
                try {
                    SubmitEvidenceRequest request = request(report, draft, recommendation.get(),
                            LocalDate.now(ZoneOffset.UTC));
                    evidenceIds.add(submit(request, key(reportId, i, draft), deadline));
                } catch (Refused refused) {
                    problems.add("draft " + i + ": " + refused.getMessage());
                } catch (WebApplicationException unavailable) {
                    // Down or too slow (the 503 a route would answer): the rest would only wait for the same.
                    outage = unavailable.getMessage();
                    problems.add("draft " + i + ": " + outage);
                } catch (IllegalArgumentException unreadable) {
                    problems.add("draft " + i + ": cannot be read as evidence (" + unreadable.getMessage() + ")");
                }
            }
        }
        EvidenceSubmission submission = new EvidenceSubmission(evidenceIds.size(), withoutRecommendation,
                problems.size(), evidenceIds, problems);
        if (problems.isEmpty()) {
            Log.infof("Report %s imported: %d draft evidence items submitted for review, %d name no earlier"
                    + " recommendation", reportId, submission.submitted(), withoutRecommendation);
        } else {
            Log.warnf("Report %s imported; of its draft evidence items %d were submitted for review and %d were not"
                    + " (the import stands): %s", reportId, submission.submitted(), submission.failed(),
                    String.join("; ", problems));
        }
        return submission;
    }

    /** The new evidence's id, after trying again while the recommendation is unknown and time is left. */
    private UUID submit(SubmitEvidenceRequest first, String key, Instant deadline) {
        SubmitEvidenceRequest request = first;
        Duration backoff = config.firstBackoff();
        while (true) {
            String body = write(request);
            Answer answer = routing.answer(Owner.EVIDENCE, client -> client.submit(key, body));
            if (answer.status() == 201) {
                return UUID.fromString(read(answer.body()).path("id").asText());
            }
            JsonNode problem = read(answer.body());
            if (answer.status() == 422 && UNKNOWN_RECOMMENDATION.equals(problem.path("type").asText())
                    && Instant.now().plus(backoff).isBefore(deadline)) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            } else if (answer.status() == 400 && !request.metrics().isEmpty() && onlyMetricsRefused(problem)) {
                Log.infof("The evidence-service cannot type the figures of draft %s (%s): submitting it without them",
                        key, problem.path("detail").asText());
                request = withoutMetrics(request);
            } else {
                throw new Refused("the evidence-service answered " + answer.status() + ": "
                        + problem.path("detail").asText("(no detail)"));
            }
        }
    }

    /**
     * A draft as the evidence-service takes it: its quote as summary and citation, the report as source, the
     * calendar year the draft is about as the period of the action (up to today), its figures, public.
     */
    SubmitEvidenceRequest request(JsonNode report, JsonNode draft, UUID recommendation, LocalDate today) {
        String quote = draft.path("quote").asText();
        Assessment assessment = Assessment.valueOf(draft.path("assessment").asText());
        int year = draft.path("year").asInt();
        LocalDate to = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
        LocalDate from = LocalDate.of(year, 1, 1).isAfter(to) ? to : LocalDate.of(year, 1, 1);
        String title = report.path("title").asText("");
        if (title.isBlank()) {
            title = report.path("year").asText() + " report on " + report.path("country").asText();
        }
        Citation source = new Citation(title, textOrNull(report.path("publisher")), textOrNull(report.path("sourceUrl")),
                "rectrack report " + report.path("id").asText(),
                report.path("publishedOn").isTextual() ? LocalDate.parse(report.path("publishedOn").asText()) : null,
                quote);
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode metric : draft.path("metrics")) {
            try {
                metrics.add(json.treeToValue(metric, Metric.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a figure of an unknown shape: " + metric, e);
            }
        }
        return new SubmitEvidenceRequest(List.of(new LinkRequest(recommendation, assessment)), null,
                new ActionPeriod(from, to), quote, "en", source, metrics, Visibility.PUBLIC);
    }

    /** The same key for the same draft of the same report, whoever sends it and however often. */
    static String key(String reportId, int index, JsonNode draft) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(draft.toString().getBytes(StandardCharsets.UTF_8));
            return "import-" + reportId + "-draft-" + index + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<UUID> recommendationOf(JsonNode draft) {
        JsonNode id = draft.path("recommendation").path("recommendationId");
        return id.isTextual() ? Optional.of(UUID.fromString(id.asText())) : Optional.empty();
    }

    private static boolean onlyMetricsRefused(JsonNode problem) {
        JsonNode errors = problem.path("errors");
        if (errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            if (!error.path("field").asText().startsWith("metrics")) {
                return false;
            }
        }
        return true;
    }

    private static SubmitEvidenceRequest withoutMetrics(SubmitEvidenceRequest request) {
        return new SubmitEvidenceRequest(request.recommendations(), request.actionDate(), request.actionPeriod(),
                request.summary(), request.language(), request.source(), List.of(), request.visibility());
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while waiting for the evidence-service to learn of the recommendation");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A body as JSON; an empty object if it is none (an answer without a problem body). */
    private JsonNode read(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node == null || node.isMissingNode() ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** A draft the evidence-service did not take, and its answer. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
