package org.rectrack.gateway.subscriptions.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectrack.gateway.status.Viewer;

/**
 * A subscription: who asked, to be told of which kinds of change, in which scope (a country, a country's year, one
 * recommendation, or the reviewers' queue), at which callback URL, signed with which secret. Never leaves the gateway
 * as JSON (see the api package's response, which shows the secret only once).
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token's {@code sub}: the owner. */
    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    /** The owner's rectrack roles when subscribing, comma-separated: what it may see is decided by them. */
    @Column(name = "owner_roles", nullable = false)
    public String ownerRoles;

    @Column(name = "owner_organisation")
    public String ownerOrganisation;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    /** Wire names of the kinds, comma-separated. */
    @Column(nullable = false)
    public String events;

    public String country;

    public Integer year;

    @Column(name = "recommendation_id")
    public UUID recommendationId;

    @Column(name = "review_queue", nullable = false)
    public boolean reviewQueue;

    /** {@code whsec_} + base64 of the signing key (Standard Webhooks). */
    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionState state;

    @Column(name = "paused_reason")
    public String pausedReason;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "failed_messages", nullable = false)
    public int failedMessages;

    public List<EventKind> kinds() {
        return Arrays.stream(events.split(",")).map(name -> EventKind.byWireName(name).orElseThrow()).toList();
    }

    public boolean wants(EventKind kind) {
        return kinds().contains(kind);
    }

    public Set<String> roles() {
        return Arrays.stream(ownerRoles.split(",")).filter(role -> !role.isEmpty()).collect(Collectors.toSet());
    }

    /** The eyes every message of this subscription is computed for: its owner's, as the API would see them. */
    public Viewer viewer() {
        return Viewer.of(roles(), ownerOrganisation);
    }

    public static String joinKinds(List<EventKind> kinds) {
        return kinds.stream().map(EventKind::wireName).collect(Collectors.joining(","));
    }
}
