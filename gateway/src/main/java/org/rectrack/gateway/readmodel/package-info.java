/**
 * The gateway's read model: what it knows of reports, recommendations and evidence, from the topics alone.
 *
 * <p><b>History, and what "as of" means.</b> Every applied version of every aggregate is kept as a row of its own
 * ({@code report_version}, {@code recommendation_version}, {@code evidence_version} with its links and review
 * history), never updated. Each row carries the event's {@code occurredAt}: the instant the owning service
 * committed the change (its outbox row is written in the same transaction). "As of T" is, per aggregate, the
 * latest applied version with {@code occurredAt <= T}.
 *
 * <p>Why {@code occurredAt} and not the instant the gateway applied the event: the applied instant changes with
 * every rebuild and with every consumer delay, so a year-end report as of 31 December would come out differently
 * after a rebuild; {@code occurredAt} travels in the event, so the same topics give the same answer, byte for
 * byte, whenever and however often they are replayed. The price: an event committed before T but delivered
 * after a question about T (a broker outage) makes a later answer about T more complete than an earlier one. An
 * answer about T is final once the consumer lag (health, metrics) is zero after T; the year-end report is asked
 * well after its cut-off, so this never shows there.
 *
 * <p><b>Applying.</b> {@link org.rectrack.gateway.readmodel.ReadModelConsumer} applies each event through
 * {@link org.rectrack.events.inbox.EventInbox} in the transaction that writes the row: a duplicate, or an older
 * version arriving after a newer one, changes nothing. An event that cannot be applied goes to the channel's
 * dead-letter topic ({@code <topic>.gateway.dlq}) with the reason, and the partition moves on.
 *
 * <p><b>Rebuilding.</b> An empty database reads both topics from the beginning
 * ({@link org.rectrack.gateway.readmodel.ReplayOnEmptyReadModel}); {@code POST /admin/rebuild} wipes the read model
 * and the inbox and replays both topics ({@link org.rectrack.gateway.readmodel.ReadModelRebuild}), ending in the
 * same rows.
 */
package org.rectrack.gateway.readmodel;
