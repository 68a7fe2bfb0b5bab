-- Evidence of government action; the review history keeps every state it has had.
create table evidence (
    id                        uuid primary key,
    organisation              text        not null,
    submitted_by              text        not null,
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
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    constraint evidence_action_period check (action_to >= action_from),
    constraint evidence_url_or_reference check (source_url is not null or source_document_reference is not null)
);
create index evidence_state on evidence (state);
create index evidence_organisation on evidence (organisation);
create index evidence_created_at on evidence (created_at desc, id);

-- The recommendations a piece of evidence bears on, and how, in the order the submitter gave them.
create table evidence_recommendation (
    evidence_id       uuid    not null references evidence (id),
    position          integer not null,
    recommendation_id uuid    not null,
    assessment        text    not null,
    primary key (evidence_id, position),
    constraint evidence_recommendation_once unique (evidence_id, recommendation_id)
);
create index evidence_recommendation_by_recommendation on evidence_recommendation (recommendation_id);

-- Every review state evidence has been in, one row per aggregate version; never updated or deleted.
create table evidence_transition (
    id           uuid primary key,
    evidence_id  uuid        not null references evidence (id),
    version      bigint      not null,
    state        text        not null,
    actor        text        not null,
    organisation text,
    at           timestamptz not null,
    reason       text,
    constraint evidence_transition_one_per_version unique (evidence_id, version)
);

-- The recommendations this service knows of, fed from rectrack.recommendations.v1.
create table known_recommendation (
    id         uuid primary key,
    code       text        not null,
    country    char(3)     not null,
    year       integer     not null,
    state      text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

-- The first answer to each Idempotency-Key of an organisation, replayed to retries.
create table idempotent_request (
    organisation    text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    resource_id     uuid,
    response        text,
    created_at      timestamptz not null,
    primary key (organisation, idempotency_key)
);
