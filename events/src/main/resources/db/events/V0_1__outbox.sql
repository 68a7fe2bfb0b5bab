-- Events waiting for the relay; written in the same transaction as the change they describe.
create table outbox_event (
    seq               bigint generated always as identity primary key,
    event_id          uuid        not null unique,
    topic             text        not null,
    event_type        text        not null,
    aggregate_id      uuid        not null,
    aggregate_version bigint      not null,
    payload           text        not null,
    created_at        timestamptz not null
);
