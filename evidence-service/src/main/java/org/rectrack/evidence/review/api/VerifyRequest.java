package org.rectrack.evidence.review.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.platform.validation.PlainText;

/** A reviewer's optional note on why the evidence holds; the body itself may be left out. */
public record VerifyRequest(
        @Schema(example = "Confirmed against the ministry's press release of 2 March 2023")
        @Size(max = 2000) @PlainText String note) {
}
