create table report (
    id           uuid primary key,
    country      char(3)      not null,
    year         integer      not null,
    tier         text         not null,
    publisher    text         not null,
    title        text         not null,
    source_url   text,
    published_on date,
    period_from  date,
    period_to    date,
    version      bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    constraint report_one_per_publisher_country_year unique (publisher, country, year)
);
create index report_country_year on report (country, year);

create table recommendation (
    id                uuid primary key,
    report_id         uuid        not null references report (id),
    code              text        not null,
    rank              integer     not null,
    text              text        not null,
    revision          integer     not null,
    pillars           jsonb       not null,
    target_groups     jsonb       not null,
    continues_from_id uuid references recommendation (id),
    state             text        not null,
    withdrawn_reason  text,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint recommendation_rank_unique_in_report unique (report_id, rank)
);
create index recommendation_continues_from on recommendation (continues_from_id);
-- Not unique: two publishers may report on the same country and year.
create index recommendation_code on recommendation (code);

-- Every text a recommendation has had, the published one as revision 1; never updated.
create table recommendation_revision (
    id                uuid primary key,
    recommendation_id uuid        not null references recommendation (id),
    revision          integer     not null,
    text              text        not null,
    pillars           jsonb       not null,
    target_groups     jsonb       not null,
    reason            text,
    revised_by        text        not null,
    revised_at        timestamptz not null,
    constraint recommendation_revision_once unique (recommendation_id, revision)
);
