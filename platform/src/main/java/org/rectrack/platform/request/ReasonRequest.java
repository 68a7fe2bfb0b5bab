package org.rectrack.platform.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.platform.validation.PlainText;

/** The body of a state transition that must say why: withdraw, reject, retract. */
public record ReasonRequest(
        @Schema(example = "Superseded by a corrected text")
        @NotBlank @Size(max = 2000) @PlainText String reason) {
}
