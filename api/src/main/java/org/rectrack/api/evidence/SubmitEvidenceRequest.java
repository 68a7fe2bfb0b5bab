package org.rectrack.api.evidence;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.platform.validation.LanguageTag;
import org.rectrack.platform.validation.PlainText;

/**
 * Evidence as an NGO submits it. The organisation comes from the token and the review state starts
 * at SUBMITTED: neither can be set here, and any field not listed is refused.
 */
public record SubmitEvidenceRequest(
        @Schema(description = "the recommendations the evidence bears on, and how")
        @NotNull(message = "at least one recommendation is required") @Size(min = 1, max = 20)
        List<@NotNull @Valid LinkRequest> recommendations,
        @Schema(description = "the day of the government action; or give actionPeriod", example = "2023-03-01")
        LocalDate actionDate,
        @Schema(description = "the first and last day of an action that took longer; or give actionDate")
        @Valid ActionPeriod actionPeriod,
        @Schema(description = "what the government did, in the language named by `language`")
        @NotBlank @Size(max = 10000) @PlainText String summary,
        @Schema(description = "BCP 47 tag of the summary's language", example = "lo")
        @NotBlank @LanguageTag String language,
        @NotNull(message = "a source citation is required") @Valid Citation source,
        @Size(max = 50) List<@NotNull @Valid Metric> metrics,
        @Schema(description = "RESTRICTED: seen only by the submitting organisation, reviewers and auditors")
        @NotNull Visibility visibility) {
}
