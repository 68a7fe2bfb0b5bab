-- Subscriptions to changes, delivered as Standard Webhooks and read as Atom feeds (subscriptions package). Written by
-- the gateway itself, never by the topics: a rebuild of the read model leaves them alone (ReadModelTables), so it
-- never announces a change twice.
create table subscription (
    id                   uuid        primary key,
    -- who subscribed, and what they could see then: every message is computed for these eyes (status.Viewer)
    owner_subject        text        not null,
    owner_name           text        not null,
    owner_roles          text        not null,
    owner_organisation   text,
    callback_url         text        not null,
    -- event kinds, comma-separated: status.changed, evidence.verified, evidence.submitted, report.published
    events               text        not null,
    -- exactly one scope: a country (with or without a year), one recommendation, or the reviewers' queue
    country              text,
    year                 integer,
    recommendation_id    uuid,
    review_queue         boolean     not null default false,
    -- whsec_ + base64 of the key: the key signs every delivery, so it is kept, and answered only once
    secret               text        not null,
    created_at           timestamptz not null,
    state                text        not null,
    paused_reason        text,
    paused_at            timestamptz,
    -- since when every attempt has failed (null once one succeeds), and how many messages in a row were given up
    failing_since        timestamptz,
    failed_messages      integer     not null default 0,
    check (state in ('ACTIVE', 'PAUSED')),
    check ((case when country is not null then 1 else 0 end) + (case when recommendation_id is not null then 1 else 0 end)
           + (case when review_queue then 1 else 0 end) = 1),
    check (year is null or country is not null)
);
create index subscription_owner on subscription (owner_subject, created_at desc);

-- The outbox of deliveries: one message per change and subscription, written in the transaction that applied the
-- change to the read model. Its id is derived from the event's id and the subscription's, so the same change seen
-- twice (another gateway instance, a replay) is one row.
create table webhook_message (
    id               uuid        primary key,
    -- the order of a subscription's messages: delivered one after another
    seq              bigint      generated always as identity unique,
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    type             text        not null,
    -- the event's data as the body says it ({type, timestamp, data})
    body             text        not null,
    title            text        not null,
    created_at       timestamptz not null,
    state            text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    check (state in ('PENDING', 'DELIVERED', 'GIVEN_UP'))
);
create index webhook_message_due on webhook_message (next_attempt_at) where state = 'PENDING';
create index webhook_message_subscription on webhook_message (subscription_id, seq);

-- Every attempt to deliver a message: what the owner reads at GET /subscriptions/{id}/deliveries.
create table webhook_attempt (
    id               bigint      generated always as identity primary key,
    message_id       uuid        not null references webhook_message (id) on delete cascade,
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    attempt          integer     not null,
    attempted_at     timestamptz not null,
    status_code      integer,
    latency_ms       bigint      not null,
    outcome          text        not null,
    error            text,
    next_attempt_at  timestamptz,
    check (outcome in ('DELIVERED', 'RETRYING', 'GIVEN_UP'))
);
create index webhook_attempt_subscription on webhook_attempt (subscription_id, id desc);
