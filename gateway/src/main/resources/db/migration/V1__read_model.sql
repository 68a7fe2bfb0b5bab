-- The gateway's read model: every version of every aggregate it has applied from the topics, never updated.
-- occurred_at is the event's occurredAt (when the owner committed the change), so "as of T" is the latest
-- version with occurred_at <= T, and a rebuild from the topics writes exactly the same rows.

create table report_version (
    seq                  bigint generated always as identity primary key,
    report_id            uuid        not null,
    version              bigint      not null,
    event_id             uuid        not null,
    occurred_at          timestamptz not null,
    country              text        not null,
    year                 integer     not null,
    tier                 text        not null,
    publisher            text        not null,
    title                text        not null,
    source_url           text,
    published_on         date,
    period_from          date,
    period_to            date,
    recommendation_count integer     not null,
    changed_at           timestamptz not null,
    unique (report_id, version)
);
create index report_version_country_year on report_version (country, year);

create table recommendation_version (
    seq               bigint generated always as identity primary key,
    recommendation_id uuid        not null,
    version           bigint      not null,
    event_id          uuid        not null,
    occurred_at       timestamptz not null,
    report_id         uuid        not null,
    code              text        not null,
    country           text        not null,
    year              integer     not null,
    rank              integer     not null,
    text              text        not null,
    revision          integer     not null,
    pillars           jsonb       not null,
    target_groups     jsonb       not null,
    continues_from_id uuid,
    state             text        not null,
    change            text        not null,
    changed_at        timestamptz not null,
    unique (recommendation_id, version)
);
create index recommendation_version_country_year on recommendation_version (country, year);
create index recommendation_version_report on recommendation_version (report_id);

create table evidence_version (
    seq                       bigint generated always as identity primary key,
    evidence_id               uuid        not null,
    version                   bigint      not null,
    event_id                  uuid        not null,
    occurred_at               timestamptz not null,
    organisation              text        not null,
    action_from               date        not null,
    action_to                 date        not null,
    summary                   text        not null,
    language                  text        not null,
    source_title              text        not null,
    source_publisher          text,
    source_url                text,
    source_document_reference text,
    source_published_on       date,
    source_quote              text,
    metrics                   jsonb       not null,
    visibility                text        not null,
    state                     text        not null,
    change                    text        not null,
    created_at                timestamptz not null,
    changed_at                timestamptz not null,
    unique (evidence_id, version)
);

-- The recommendations one version of evidence bears on, and how.
create table evidence_version_link (
    evidence_seq      bigint  not null references evidence_version (seq) on delete cascade,
    position          integer not null,
    recommendation_id uuid    not null,
    assessment        text    not null,
    primary key (evidence_seq, position)
);
create index evidence_version_link_recommendation on evidence_version_link (recommendation_id);

-- The review history as one version of evidence carries it.
create table evidence_version_transition (
    evidence_seq bigint      not null references evidence_version (seq) on delete cascade,
    position     integer     not null,
    state        text        not null,
    actor        text        not null,
    organisation text,
    at           timestamptz not null,
    reason       text,
    primary key (evidence_seq, position)
);
