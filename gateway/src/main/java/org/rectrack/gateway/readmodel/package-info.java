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
 * <p><b>What the gateway trusts.</b> The gateway has no word of its own on reports, recommendations or evidence: it
 * shows what their owning services published, and nothing else.
 * <ul>
 * <li>An event counts only on its owning topic: reports and recommendations on {@code rectrack.recommendations.v1},
 * which only the recommendations-service writes; evidence on {@code rectrack.evidence.v1}, which only the
 * evidence-service writes. In production Kafka ACLs give each topic that one producer (and the gateway read access
 * alone). A known type on the other topic goes to the dead-letter topic with the reason.</li>
 * <li>A type, or a schema version of it, the gateway does not know goes to the dead-letter topic: it cannot tell what
 * such an event means, so it applies none of it.</li>
 * <li>An event must hold together (its data's id is the envelope's aggregate, the fields a record needs are there), or
 * it goes to the dead-letter topic.</li>
 * <li>What an event names must be known: a recommendation is shown only once the read model has its report, and evidence
 * only once the read model shows every recommendation it bears on (the evidence-service refuses evidence for a
 * recommendation it does not know). Until then the row is kept but held back from every answer (lists, the reviewers'
 * queue, status, compliance reports): the topics are consumed apart, so what it names may simply come later, and
 * shows it then; an event that names what no owner published never shows. Kept rather than dead-lettered, so that a
 * rebuild, which replays in another order, ends in the same rows.</li>
 * </ul>
 * Not required: that the first version of an aggregate the gateway sees be version 1. Each event carries the
 * aggregate's full state, so a later version stands on its own; refusing it would lose what the owner holds (an
 * event of version 1 lost upstream would park the aggregate for good) and protect against nothing the topic's ACLs do
 * not already.
 *
 * <p><b>Rebuilding.</b> An empty database reads both topics from the beginning
 * ({@link org.rectrack.gateway.readmodel.ReplayOnEmptyReadModel}); {@code POST /admin/rebuilds} starts a job
 * ({@link org.rectrack.gateway.readmodel.RebuildJobs}) that wipes the tables of
 * {@link org.rectrack.gateway.readmodel.ReadModelTables#FROM_THE_TOPICS} and replays both topics
 * ({@link org.rectrack.gateway.readmodel.ReadModelRebuild}), ending in the same rows; one at a time across every gateway
 * instance of the database, with the consumers of all of them held at the
 * {@link org.rectrack.gateway.readmodel.RebuildGate} meanwhile.
 */
package org.rectrack.gateway.readmodel;
