package org.rectrack.gateway.readmodel;

import java.util.List;

/**
 * Every table of the gateway's database, sorted once into what the topics rebuild and what they do not. A rebuild
 * wipes exactly {@link #FROM_THE_TOPICS} and nothing else, so this is the one place a new table is named:
 * ReadModelTablesTest fails on a table of the database that is in neither list, so a migration that adds one
 * (a projection, a lag record, issued reports…) must say which it is before it lands. An allow-list rather than
 * "every table but these": a table of the gateway's own records (who issued which report) that nobody listed must
 * survive a rebuild, since no topic could bring it back.
 */
public final class ReadModelTables {

    /**
     * The read model, the inbox of what it applied ({@code applied_version}, see
     * {@link org.rectrack.events.inbox.EventInbox}) and how far it got in each partition ({@link ReadModelProgress}):
     * all of it derived from the topics, wiped and replayed by a rebuild.
     */
    public static final List<String> FROM_THE_TOPICS = List.of(
            "report_version",
            "recommendation_version",
            "evidence_version",
            "evidence_version_link",
            "evidence_version_transition",
            "applied_version",
            "read_model_progress");

    /**
     * Kept by a rebuild: Flyway's record, the outbox table every service's schema has, the rebuild jobs, the issued
     * reports, and subscriptions with their messages and delivery log (a rebuild must not announce anything again).
     */
    public static final List<String> NOT_FROM_THE_TOPICS = List.of(
            "flyway_schema_history",
            "outbox_event",
            "rebuild_job",
            "issued_report",
            "subscription",
            "webhook_message",
            "webhook_attempt");

    private ReadModelTables() {
    }
}
