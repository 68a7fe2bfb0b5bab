/**
 * Subscriptions to changes, delivered as Standard Webhooks and readable as Atom feeds (issue 11, README
 * "Subscriptions").
 *
 * <p><b>Roles.</b> {@code api}: request and response records. {@code domain}: the subscription, its messages and the
 * delivery log (entities, kept by a rebuild of the read model). {@code service}: subscribing and reading
 * ({@code SubscriptionService}), the callback URL rule against server-side request forgery ({@code CallbackUrls}),
 * what each applied event announces to whom ({@code Announcer}), feeds ({@code AtomFeeds}). {@code resource}: the REST
 * edge. {@code delivery}: the scheduled worker and the signed HTTP sender.
 *
 * <p><b>Once, and only what may be seen.</b> The read model tells its observers of each event it applies, in the
 * applying transaction, and never of a rebuild's replay; the {@code Announcer} writes messages there, with ids derived
 * from the event and the subscription, so a change is one message whichever instance (or how often) applies it. It
 * computes status before and after with the subscription owner's {@code Viewer}, so restricted evidence of another
 * organisation changes nothing they are told.
 *
 * <p><b>Delivery.</b> Each instance takes the next due message of an active subscription with
 * {@code FOR UPDATE SKIP LOCKED}, only once every earlier message of that subscription is settled, and holds it while
 * sending (bounded by the timeouts), so instances share the work, never send one message twice at once, and keep each
 * subscription's order. A crash after the receiver answered and before the commit sends the message again with the same
 * {@code webhook-id} (at-least-once, as Standard Webhooks expects receivers to deduplicate).
 */
package org.rectrack.gateway.subscriptions;
