package org.rectrack.gateway.subscriptions.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change to tell one subscription of: its {@code webhook-id} ({@link #id}, the same on every attempt), its body,
 * and where its delivery stands. Written in the read model's transaction that applied the change.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The order of messages, across subscriptions; a subscription's are delivered in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The kind's wire name. */
    @Column(nullable = false)
    public String type;

    /** The JSON body sent, {@code {"type", "timestamp", "data"}}. */
    @Column(nullable = false)
    public String body;

    /** A line saying what changed, for the Atom feed. */
    @Column(nullable = false)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
