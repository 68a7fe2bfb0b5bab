package org.rectrack.gateway.subscriptions.domain;

/** Whether a subscription's messages are delivered: PAUSED after failing for long (its owner resumes it). */
public enum SubscriptionState {
    ACTIVE,
    PAUSED
}
