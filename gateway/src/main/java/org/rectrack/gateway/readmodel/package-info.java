/**
 * The gateway's read model: what it knows of reports, recommendations and evidence, from the topics alone.
 *
 * <p><b>History, and the two times.</b> Every applied version of every aggregate is kept as a row of its own
 * ({@code report_version}, {@code recommendation_version}, {@code evidence_version} with its links and review
 * history), never updated. Questions come in a {@link org.rectrack.gateway.readmodel.TimeFrame} (DESIGN.md, "Two
 * times"):
 * <ul>
 * <li>{@code knownAt}, an instant in the system, compares with each row's {@code recordedAt}: the instant Kafka
 * appended the event's record to its topic (LogAppendTime). Per aggregate, the latest version recorded by then counts.
 * Why this and not the owner's {@code occurredAt}: an event committed at T can reach the topic much later (its owner's
 * outbox relay was down), so no one could ever say that everything that occurred by T has arrived, and an answer about
 * T could change after it was given. The append time grows with the offset in each partition, so "the read model has
 * handled every partition up to its end" says "everything recorded up to now is in it"
 * ({@link org.rectrack.gateway.readmodel.KnownAtWatermark}), and the record keeps its timestamp, so a rebuild from the
 * topics writes the same instants and gives the same answers. The topics must therefore use
 * {@code message.timestamp.type=LogAppendTime} (deploy/README.md).</li>
 * <li>{@code asOf}, a day in the world, compares with what the rows say of the world: a report counts from its
 * publication date, evidence from the day its action began. History entered late counts on the days it happened.</li>
 * </ul>
 * An answer never depends on consumer lag in silence: a {@code knownAt} the watermark has not reached is waited for,
 * then answered 503 ({@link org.rectrack.gateway.readmodel.TimeFrames}); without one, the answer is as known at the
 * latest change the watermark covers, and says so.
 *
 * <p><b>Applying.</b> {@link org.rectrack.gateway.readmodel.ReadModelConsumer} applies each event through
 * {@link org.rectrack.events.inbox.EventInbox} in the transaction that writes the row and the partition's progress
 * ({@link org.rectrack.gateway.readmodel.ReadModelProgress}), a poll's records in one transaction: a duplicate, or an
 * older version arriving after a newer one, changes nothing. An event that cannot be applied fails its batch, whose
 * records are then applied one by one: that event alone goes to the channel's dead-letter topic
 * ({@code <topic>.gateway.dlq}) with the reason, and the partition moves on.
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
 * <p><b>Rebuilding.</b> Each partition is read from the read model's own progress, and an empty database reads both
 * topics from the beginning ({@link org.rectrack.gateway.readmodel.SeekToReadModelProgress}); {@code POST
 * /admin/rebuilds} starts a job
 * ({@link org.rectrack.gateway.readmodel.RebuildJobs}) that wipes the tables of
 * {@link org.rectrack.gateway.readmodel.ReadModelTables#FROM_THE_TOPICS} and replays both topics
 * ({@link org.rectrack.gateway.readmodel.ReadModelRebuild}), ending in the same rows; one at a time across every gateway
 * instance of the database, with the consumers of all of them held at the
 * {@link org.rectrack.gateway.readmodel.RebuildGate} meanwhile.
 */
package org.rectrack.gateway.readmodel;
