package org.rectrack.gateway.subscriptions.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver a message: the delivery log its subscription's owner reads. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    /** What an attempt came to. */
    public enum Outcome {
        DELIVERED,
        RETRYING,
        GIVEN_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** 1 for the first attempt of the message. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The receiver's HTTP status; null when no answer came (refused, timed out, address not allowed). */
    @Column(name = "status_code")
    public Integer statusCode;

    /** From sending the request to the answer's headers, in milliseconds. */
    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    public String error;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
