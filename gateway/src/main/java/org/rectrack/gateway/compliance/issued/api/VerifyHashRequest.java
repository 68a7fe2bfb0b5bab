package org.rectrack.gateway.compliance.issued.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A verification by hash, {@code {"sha256": "…"}}: for the OpenAPI document; the body is read by
 * {@link org.rectrack.gateway.compliance.issued.VerificationResource}, which tells it from a JSON report by its field.
 */
@Schema(name = "VerifyHashRequest", description = "The SHA-256 of a file, in place of the file")
public record VerifyHashRequest(
        @Schema(description = "64 hex digits", pattern = "^[0-9a-fA-F]{64}$", required = true,
                example = "9f2c4e0b7d1a3c5e8f6b2d4a0c9e7f1b3d5a7c9e0f2b4d6a8c1e3f5a7b9d0c2e") String sha256) {
}
