package org.rectrack.gateway.subscriptions.domain;

/** Where a message is: waiting for (another) attempt, delivered (a 2xx), or given up after the last retry. */
public enum MessageState {
    PENDING,
    DELIVERED,
    GIVEN_UP
}
