-- Lineage proposals of imports, kept with their similarity and the admin's decision: a new recommendation likely
-- continues an earlier one of the same country. A pair is proposed once: a rejected proposal stays rejected, and a
-- re-import proposes it no more.
create table lineage_proposal (
    id                uuid             primary key,
    recommendation_id uuid             not null references recommendation (id),
    continues_from_id uuid             not null references recommendation (id),
    -- the new recommendation's report's country and year, to list by
    country           char(3)          not null,
    year              integer          not null,
    similarity        double precision not null,
    state             text             not null,
    proposed_at       timestamptz      not null,
    decided_at        timestamptz,
    decided_by        text,
    constraint lineage_proposal_once unique (recommendation_id, continues_from_id),
    check (state in ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    check (similarity >= 0 and similarity <= 1)
);
create index lineage_proposal_country_year on lineage_proposal (country, year, state);
