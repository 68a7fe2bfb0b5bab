package org.rectrack.gateway.subscriptions.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.gateway.subscriptions.domain.EventKind;
import org.rectrack.gateway.subscriptions.domain.Subscription;
import org.rectrack.gateway.subscriptions.domain.SubscriptionState;

/** A subscription as its owner (or an admin) sees it; the secret only in the answer that created it. */
@Schema(name = "Subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(
        UUID id,
        @Schema(example = "https://hooks.example.org/rectrack") String callbackUrl,
        @Schema(example = "[\"status.changed\"]") List<String> events,
        @Schema(example = "LAO") String country,
        Integer year,
        UUID recommendationId,
        boolean reviewQueue,
        @Schema(description = "ACTIVE, or PAUSED after failing for long (see pausedReason; POST …/resume)")
        SubscriptionState state,
        String pausedReason,
        Instant pausedAt,
        Instant createdAt,
        @Schema(description = "the owner's name (admins list everyone's)") String owner,
        @Schema(description = "whsec_ + base64 of the signing key: in the answer to POST only, never again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    /** The subscription without its secret. */
    public static SubscriptionResponse of(Subscription subscription) {
        return of(subscription, false);
    }

    /** The subscription, with its secret when {@code withSecret} (the answer that created it). */
    public static SubscriptionResponse of(Subscription subscription, boolean withSecret) {
        return new SubscriptionResponse(subscription.id, subscription.callbackUrl,
                subscription.kinds().stream().map(EventKind::wireName).toList(), subscription.country,
                subscription.year, subscription.recommendationId, subscription.reviewQueue, subscription.state,
                subscription.pausedReason, subscription.pausedAt, subscription.createdAt, subscription.ownerName,
                withSecret ? subscription.secret : null);
    }
}
