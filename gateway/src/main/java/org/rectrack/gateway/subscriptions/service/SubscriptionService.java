package org.rectrack.gateway.subscriptions.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.rectrack.gateway.subscriptions.domain.EventKind;
import org.rectrack.gateway.subscriptions.domain.Subscription;
import org.rectrack.gateway.subscriptions.domain.SubscriptionState;
import org.rectrack.gateway.subscriptions.domain.WebhookAttempt;
import org.rectrack.gateway.subscriptions.domain.WebhookMessage;
import org.rectrack.gateway.subscriptions.api.SubscriptionRequest;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * Subscriptions: made by anyone signed in, seen and deleted by their owner (admins list everyone's), resumed by their
 * owner once paused. A subscription's messages are written by {@link Announcer}, delivered by the delivery package.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Who is asking: the token's subject, name, rectrack roles and organisation. */
    public record Owner(String subject, String name, Set<String> roles, String organisation) {
        boolean isAdmin() {
            return roles.contains(Roles.ADMIN);
        }
    }

    /** Standard Webhooks: a secret is whsec_ + base64 of a key of 24 to 64 random bytes. */
    private static final int KEY_BYTES = 32;
    private static final int MAX_EVENTS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallbackUrls callbackUrls;

    SubscriptionService(CallbackUrls callbackUrls) {
        this.callbackUrls = callbackUrls;
    }

    /**
     * Records a subscription for {@code owner}, with a new secret.
     *
     * @throws ProblemException 400 naming each wrong field (no body, no or unknown events, none or several scopes, an
     *                          unknown country, a year without a country); 403 (field reviewQueue) for a non-reviewer
     *                          asking for the review queue; 422 (field callbackUrl) for a URL the gateway will not
     *                          deliver to (not https, or not a public address: see {@link CallbackUrls})
     */
    @Transactional
    public Subscription subscribe(SubscriptionRequest request, Owner owner) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"callbackUrl\", \"events\", and one scope}");
        }
        List<FieldError> errors = new ArrayList<>();
        List<EventKind> kinds = kinds(request.events(), errors);
        String country = null;
        try {
            country = QueryValues.optionalCountry("country", request.country()).orElse(null);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (request.year() != null && (request.year() < 2001 || request.year() > 2100)) {
            errors.add(new FieldError("year", "must be between 2001 and 2100"));
        }
        if (request.year() != null && request.country() == null) {
            errors.add(new FieldError("year", "needs a country"));
        }
        UUID recommendationId = null;
        if (request.recommendationId() != null) {
            try {
                recommendationId = UUID.fromString(request.recommendationId());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("recommendationId", "is not a UUID"));
            }
        }
        boolean reviewQueue = Boolean.TRUE.equals(request.reviewQueue());
        int scopes = (request.country() != null ? 1 : 0) + (request.recommendationId() != null ? 1 : 0)
                + (reviewQueue ? 1 : 0);
        if (scopes != 1) {
            errors.add(new FieldError("scope", scopes == 0
                    ? "name one: country (with or without year), recommendationId, or reviewQueue: true"
                    : "name only one of country (with or without year), recommendationId, reviewQueue: true"));
        }
        if (request.callbackUrl() == null || request.callbackUrl().isBlank()) {
            errors.add(new FieldError("callbackUrl", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (reviewQueue && !owner.roles().contains(Roles.REVIEWER)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "reviewQueue: only reviewers subscribe to the review"
                    + " queue", List.of(new FieldError("reviewQueue", "only reviewers subscribe to the review queue")));
        }
        try {
            callbackUrls.check(request.callbackUrl());
        } catch (CallbackUrls.RefusedUrl e) {
            throw ProblemException.unprocessable("callbackUrl", e.getMessage());
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerSubject = owner.subject();
        subscription.ownerName = owner.name();
        subscription.ownerRoles = String.join(",", owner.roles());
        subscription.ownerOrganisation = owner.organisation();
        subscription.callbackUrl = request.callbackUrl();
        subscription.events = Subscription.joinKinds(kinds);
        subscription.country = country;
        subscription.year = request.year();
        subscription.recommendationId = recommendationId;
        subscription.reviewQueue = reviewQueue;
        subscription.secret = newSecret();
        // Microseconds, as PostgreSQL keeps it: what is answered now is what is read later.
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.state = SubscriptionState.ACTIVE;
        subscription.persist();
        return subscription;
    }

    /** The owner's subscriptions, or with {@code all} (admins only) everyone's; newest first. */
    @Transactional
    public Page<Subscription> list(Owner owner, boolean all, PageRequest page) {
        if (all && !owner.isAdmin()) {
            throw ProblemException.forbidden("only admins list every subscription (all=true)");
        }
        var query = all ? Subscription.<Subscription> findAll(Sort.descending("createdAt").and("id"))
                : Subscription.<Subscription> find("ownerSubject", Sort.descending("createdAt").and("id"), owner.subject());
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /**
     * One subscription of the owner's (an admin sees any).
     *
     * @throws ProblemException 404 when there is none, or it is another's: whether it exists is not told
     */
    @Transactional
    public Subscription get(UUID id, Owner owner) {
        return Subscription.<Subscription> findByIdOptional(id)
                .filter(subscription -> subscription.ownerSubject.equals(owner.subject()) || owner.isAdmin())
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    /** Deletes one of the owner's subscriptions with its messages and log; 404 for none or another's. */
    @Transactional
    public void delete(UUID id, Owner owner) {
        Subscription subscription = Subscription.<Subscription> findByIdOptional(id)
                .filter(found -> found.ownerSubject.equals(owner.subject()))
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
        subscription.delete();
    }

    /**
     * Resumes a paused subscription of the owner's: its pending messages are due at once; those given up stay given up.
     * Resuming an active one changes nothing.
     */
    @Transactional
    public Subscription resume(UUID id, Owner owner) {
        Subscription subscription = Subscription.<Subscription> findByIdOptional(id)
                .filter(found -> found.ownerSubject.equals(owner.subject()))
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
        if (subscription.state == SubscriptionState.PAUSED) {
            subscription.state = SubscriptionState.ACTIVE;
            subscription.pausedReason = null;
            subscription.pausedAt = null;
            subscription.failingSince = null;
            subscription.failedMessages = 0;
            WebhookMessage.update("nextAttemptAt = ?1 where subscriptionId = ?2 and state = ?3", Instant.now(),
                    subscription.id, org.rectrack.gateway.subscriptions.domain.MessageState.PENDING);
        }
        return subscription;
    }

    /** The delivery log of one of the owner's subscriptions, newest attempt first. */
    @Transactional
    public Page<WebhookAttempt> deliveries(UUID id, Owner owner, PageRequest page) {
        Subscription subscription = get(id, owner);
        var query = WebhookAttempt.<WebhookAttempt> find("subscriptionId", Sort.descending("id"), subscription.id);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /** The newest messages of one of the owner's subscriptions, newest first, at most {@code max}. */
    @Transactional
    public List<WebhookMessage> latestMessages(UUID id, Owner owner, int max) {
        Subscription subscription = get(id, owner);
        return WebhookMessage.<WebhookMessage> find("subscriptionId", Sort.descending("seq"), subscription.id)
                .page(0, max).list();
    }

    private static List<EventKind> kinds(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "name at least one of status.changed, evidence.verified,"
                    + " evidence.submitted, report.published"));
            return List.of();
        }
        if (events.size() > MAX_EVENTS) {
            errors.add(new FieldError("events", "names more than " + MAX_EVENTS + " kinds"));
            return List.of();
        }
        Set<EventKind> kinds = new LinkedHashSet<>();
        for (String name : events) {
            Optional<EventKind> kind = EventKind.byWireName(name);
            if (kind.isEmpty()) {
                errors.add(new FieldError("events", "'" + abbreviate(name) + "' is not one of status.changed,"
                        + " evidence.verified, evidence.submitted, report.published"));
            } else {
                kinds.add(kind.get());
            }
        }
        return List.copyOf(kinds);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
