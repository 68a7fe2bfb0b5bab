package org.rectrack.gateway.subscriptions.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.rectrack.events.inbox.ShuttingDown;
import org.rectrack.gateway.subscriptions.WebhooksConfig;
import org.rectrack.gateway.subscriptions.domain.MessageState;
import org.rectrack.gateway.subscriptions.domain.MessagesWritten;
import org.rectrack.gateway.subscriptions.domain.Subscription;
import org.rectrack.gateway.subscriptions.domain.SubscriptionState;
import org.rectrack.gateway.subscriptions.domain.WebhookAttempt;
import org.rectrack.gateway.subscriptions.domain.WebhookMessage;

/**
 * Delivers the messages that are due, on every gateway instance: each takes one message at a time with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so instances share the work and never send one message at once, and holds
 * it (and its transaction) while it sends, which the sender's timeouts bound. A subscription's messages go in order:
 * one is taken only when every earlier one of its subscription is delivered or given up. A failure is retried after
 * the configured delays (exponential, with jitter), then given up; a subscription failing for too long, or giving up
 * too many messages in a row, is paused with the reason, and waits for its owner to resume it.
 */
@ApplicationScoped
public class DeliveryWorker {

    /** The next message due of an active subscription whose earlier messages are all settled; locked, or skipped. */
    private static final String NEXT_DUE = """
            select m.* from webhook_message m join subscription s on s.id = m.subscription_id
             where m.state = 'PENDING' and m.next_attempt_at <= now() and s.state = 'ACTIVE'
               and not exists (select 1 from webhook_message earlier where earlier.subscription_id = m.subscription_id
                                  and earlier.state = 'PENDING' and earlier.seq < m.seq)
             order by m.next_attempt_at, m.seq
             limit 1
             for update of m skip locked
            """;

    private final WebhooksConfig config;
    private final WebhookSender sender;
    private final EntityManager entityManager;
    private final ShuttingDown shuttingDown;
    private final AtomicBoolean wakeUp = new AtomicBoolean();

    DeliveryWorker(WebhooksConfig config, WebhookSender sender, EntityManager entityManager, ShuttingDown shuttingDown) {
        this.config = config;
        this.sender = sender;
        this.entityManager = entityManager;
        this.shuttingDown = shuttingDown;
    }

    /**
     * Once a transaction that wrote messages has committed (the read model's), delivers at once on a thread of its
     * own; many commits at once start one run. The poll still catches whatever another instance wrote, and retries.
     */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesWritten written) {
        if (wakeUp.compareAndSet(false, true)) {
            Thread.ofVirtual().name("webhook-delivery").start(() -> {
                wakeUp.set(false);
                deliverDue();
            });
        }
    }

    @Scheduled(every = "${rectrack.webhooks.poll-interval:1s}", delayed = "${rectrack.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        if (shuttingDown.begun()) {
            // No run starts once the gateway stops (the database closes under it): what is due waits in the outbox
            // for the next start or another instance.
            return;
        }
        try {
            for (int i = 0; i < config.batchSize(); i++) {
                if (!QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(this::deliverNext)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database away for a moment: the next poll tries again, and nothing was marked delivered.
            Log.warnf("Delivering webhooks failed, tried again at the next poll: %s", e.toString());
        }
    }

    /** Delivers the next message due, if any; true if there was one. */
    boolean deliverNext() {
        @SuppressWarnings("unchecked")
        List<WebhookMessage> due = entityManager.createNativeQuery(NEXT_DUE, WebhookMessage.class).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        WebhookMessage message = due.getFirst();
        Subscription subscription = Subscription.findById(message.subscriptionId);
        WebhookSender.Result result = sender.send(subscription.callbackUrl, subscription.secret, message.id.toString(),
                message.body);
        record(message, subscription, result);
        return true;
    }

    private void record(WebhookMessage message, Subscription subscription, WebhookSender.Result result) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        message.attempts++;
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.messageId = message.id;
        attempt.subscriptionId = subscription.id;
        attempt.attempt = message.attempts;
        attempt.attemptedAt = now;
        attempt.statusCode = result.statusCode();
        attempt.latencyMs = result.latencyMs();
        attempt.error = result.error();
        if (result.delivered()) {
            message.state = MessageState.DELIVERED;
            message.deliveredAt = now;
            message.nextAttemptAt = null;
            attempt.outcome = WebhookAttempt.Outcome.DELIVERED;
            subscription.failingSince = null;
            subscription.failedMessages = 0;
        } else {
            List<Duration> delays = config.retryDelays();
            if (message.attempts <= delays.size()) {
                message.nextAttemptAt = now.plus(jittered(delays.get(message.attempts - 1)));
                attempt.outcome = WebhookAttempt.Outcome.RETRYING;
                attempt.nextAttemptAt = message.nextAttemptAt;
            } else {
                message.state = MessageState.GIVEN_UP;
                message.nextAttemptAt = null;
                attempt.outcome = WebhookAttempt.Outcome.GIVEN_UP;
                subscription.failedMessages++;
            }
            if (subscription.failingSince == null) {
                subscription.failingSince = now;
            }
            pauseIfFailingTooLong(subscription, now, result.error());
        }
        attempt.persist();
    }

    private void pauseIfFailingTooLong(Subscription subscription, Instant now, String lastError) {
        String reason = null;
        if (!subscription.failingSince.plus(config.pauseAfter()).isAfter(now)) {
            reason = "every delivery since " + subscription.failingSince + " failed";
        } else if (subscription.failedMessages >= config.pauseAfterFailedMessages()) {
            reason = subscription.failedMessages + " messages in a row were given up after every retry failed";
        }
        if (reason != null) {
            subscription.state = SubscriptionState.PAUSED;
            subscription.pausedAt = now;
            subscription.pausedReason = reason + "; the last attempt " + lastError + ". POST …/resume once the receiver"
                    + " answers again";
            Log.infof("Paused subscription %s: %s", subscription.id, subscription.pausedReason);
        }
    }

    /** The delay, shortened or lengthened at random by up to the jitter fraction. */
    private Duration jittered(Duration delay) {
        double factor = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(delay.toMillis() * factor)));
    }

    private int timeoutSeconds() {
        return (int) config.connectTimeout().plus(config.requestTimeout()).plusSeconds(30).toSeconds();
    }
}
