package org.rectrack.gateway.evidence.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.status.RecommendationStatus.Citation;

/**
 * The body of {@code POST /evidence}: for the OpenAPI document (the gateway passes a client's body on unread, and
 * the evidence-service validates it: its 400 problem names each offending field), and the evidence an import's
 * drafts become (see {@link org.rectrack.gateway.reports.DraftEvidenceHandover}).
 */
@Schema(name = "SubmitEvidenceRequest", description = "Evidence of government action; the organisation comes from the token")
public record SubmitEvidenceRequest(
        @Schema(required = true) List<LinkRequest> recommendations,
        @Schema(description = "the day of the government action; or give actionPeriod", example = "2023-03-01")
        LocalDate actionDate,
        @Schema(description = "the first and last day of an action that took longer; or give actionDate")
        EvidenceResponse.ActionPeriod actionPeriod,
        @Schema(required = true) String summary,
        @Schema(description = "BCP 47 tag of the summary's language", example = "lo", required = true) String language,
        @Schema(description = "title, and a url or a documentReference", required = true) Citation source,
        List<MetricRequest> metrics,
        @Schema(description = "RESTRICTED: seen only by the submitting organisation, reviewers and auditors", required = true)
        Visibility visibility) {

    /** One recommendation the evidence bears on, and how. */
    public record LinkRequest(UUID recommendationId, @Schema(example = "ADVANCES") Assessment assessment) {
    }

    /** A typed figure. */
    public record MetricRequest(@Schema(example = "OFFICIALS_TRAINED") MetricKind kind,
            @Schema(example = "300") BigDecimal value, @Schema(example = "PERSONS") String unit,
            @Schema(description = "MALE, FEMALE or OTHER") String sex, String ageGroup, Integer year) {
    }
}
