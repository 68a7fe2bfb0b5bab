-- Rebuilds of the read model from the topics, run as jobs (RebuildJobs): any gateway instance sharing this database
-- starts one, runs it outside the request, and answers how it goes. Not part of the read model: a rebuild never
-- wipes it (ReadModelTables).
create table rebuild_job (
    id           uuid        primary key,
    state        text        not null,
    started_by   text        not null,
    -- the gateway instance running it (pid@host): an operator's clue when it fails
    instance     text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    -- written at every step of the replay; a job that never took the rebuild lock is abandoned once this is old
    heartbeat_at timestamptz not null,
    -- per topic: the records replayed, of those between the topic's beginning and its end when the replay began
    progress     jsonb       not null,
    applied      bigint      not null,
    ignored      bigint      not null,
    skipped      bigint      not null,
    error        text,
    check (state in ('STARTED', 'RUNNING', 'FINISHED', 'FAILED'))
);
-- One rebuild under way at a time across every gateway instance: a second start finds this index taken (409).
create unique index rebuild_job_one_under_way on rebuild_job ((true)) where state in ('STARTED', 'RUNNING');
