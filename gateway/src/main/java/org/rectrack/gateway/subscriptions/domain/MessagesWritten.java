package org.rectrack.gateway.subscriptions.domain;

/**
 * A CDI event: the transaction under way wrote messages to deliver. Observed once it commits, so that this instance
 * delivers them at once rather than at its next poll.
 */
public record MessagesWritten() {
}
