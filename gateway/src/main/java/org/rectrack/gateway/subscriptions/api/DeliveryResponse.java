package org.rectrack.gateway.subscriptions.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.gateway.subscriptions.domain.WebhookAttempt;

/** One line of a subscription's delivery log: an attempt to deliver one message. */
@Schema(name = "DeliveryAttempt")
public record DeliveryResponse(
        @Schema(description = "the message's webhook-id, the same on every attempt") UUID messageId,
        @Schema(description = "1 for the first attempt of the message") int attempt,
        Instant attemptedAt,
        @Schema(description = "the receiver's HTTP status; null when none came (timeout, refused, address not allowed)")
        Integer statusCode,
        @Schema(description = "milliseconds from sending to the answer's headers") long latencyMs,
        @Schema(description = "DELIVERED, RETRYING or GIVEN_UP") WebhookAttempt.Outcome outcome,
        String error,
        @Schema(description = "when the next attempt is due; null unless RETRYING") Instant nextAttemptAt) {

    public static DeliveryResponse of(WebhookAttempt attempt) {
        return new DeliveryResponse(attempt.messageId, attempt.attempt, attempt.attemptedAt, attempt.statusCode,
                attempt.latencyMs, attempt.outcome, attempt.error, attempt.nextAttemptAt);
    }
}
