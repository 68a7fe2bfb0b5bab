-- The figures and findings of imported narratives that name no recommendation (the report they bear on is not
-- stored, or has none alike): kept for an admin to attach later, never dropped.
create table unmatched_finding (
    id           uuid primary key,            -- from the report and the finding's content: kept once
    report_id    uuid        not null references report (id),
    publisher    text        not null,
    country      char(3)     not null,
    year         integer     not null,        -- the year of the report whose recommendations it bears on
    report_year  integer     not null,        -- the year of the report whose narrative it is read from
    quote        text        not null,
    pillar       text,
    assessment   text        not null,
    action_year  integer     not null,
    metrics      jsonb       not null,
    reason       text        not null,
    kept_at      timestamptz not null
);
create index unmatched_finding_country_year on unmatched_finding (country, year);

-- Every draft evidence item proposed to the evidence-service (rectrack.evidence.proposed): written with its event,
-- so the same draft (the same id, derived from what it is) is proposed once, whoever proposes it again.
create table proposed_draft (
    id                uuid primary key,
    recommendation_id uuid        not null references recommendation (id),
    report_id         uuid        not null references report (id),
    finding_id        uuid references unmatched_finding (id),
    proposed_by       text        not null,
    proposed_at       timestamptz not null
);
create index proposed_draft_finding on proposed_draft (finding_id);
