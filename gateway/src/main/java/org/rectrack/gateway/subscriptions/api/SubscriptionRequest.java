package org.rectrack.gateway.subscriptions.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /subscriptions}: where to deliver, which kinds of change, and exactly one scope: a
 * {@code country}, a {@code country} with a {@code year}, a {@code recommendationId}, or {@code reviewQueue: true}
 * (reviewers only).
 */
@Schema(name = "SubscriptionRequest", description = "A subscription to changes: a callback URL, event kinds and exactly"
        + " one scope (country; country and year; recommendationId; or reviewQueue true, for reviewers)")
public record SubscriptionRequest(
        @Schema(description = "where deliveries are POSTed: https, a public address (loopback, link-local, private,"
                + " unique-local, multicast and unspecified addresses are refused)",
                example = "https://hooks.example.org/rectrack", required = true) String callbackUrl,
        @Schema(description = "status.changed, evidence.verified, evidence.submitted, report.published",
                example = "[\"status.changed\", \"evidence.verified\"]", required = true) List<String> events,
        @Schema(description = "ISO 3166-1 alpha-3", example = "LAO") String country,
        @Schema(description = "only with country: that year's report and recommendations", example = "2023") Integer year,
        @Schema(description = "one recommendation") String recommendationId,
        @Schema(description = "the reviewers' queue: evidence submitted and verified (role reviewer)") Boolean reviewQueue) {
}
