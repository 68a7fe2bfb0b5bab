-- The last version of each aggregate a consumer has applied; see EventInbox.
create table applied_version (
    aggregate_type text        not null,
    aggregate_id   uuid        not null,
    version        bigint      not null,
    event_id       uuid        not null,
    applied_at     timestamptz not null,
    primary key (aggregate_type, aggregate_id)
);
