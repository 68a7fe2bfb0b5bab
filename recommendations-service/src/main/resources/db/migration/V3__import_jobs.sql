-- Whole-report imports, run as jobs (ImportJobs): one row per job, one per country narrative of its text. The
-- narratives are kept so that a job an instance left behind (it stopped, or its process died) is resumed by another
-- instance, or after a restart, from the first country not yet done.
create table import_job (
    id              uuid        primary key,
    state           text        not null,
    dry_run         boolean     not null,
    started_by      text        not null,
    -- the Idempotency-Key the request gave, if any: a repeat with it answers this job, whenever it comes
    idempotency_key text,
    -- SHA-256 of the body, the body's media type and the options: a repeat while the job runs answers this job
    fingerprint     text        not null,
    -- what the admin said of the whole text, as ImportJob's columns
    publisher       text        not null,
    source_url      text,
    published_on    date,
    year_hint       integer,
    countries_total integer     not null,
    -- the instance running it (pid@host) and its last sign of life: a job whose runner fell silent is taken over
    runner          text        not null,
    heartbeat_at    timestamptz not null,
    -- how many times the job was taken over after its runner fell silent; past a bound it fails instead
    resumed         integer     not null default 0,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    error           text,
    check (state in ('RUNNING', 'FINISHED', 'FAILED'))
);
create unique index import_job_idempotency_key on import_job (started_by, idempotency_key)
    where idempotency_key is not null;
-- The same text with the same options is worked on by one job at a time.
create unique index import_job_one_running_per_text on import_job (fingerprint) where state = 'RUNNING';
create index import_job_running on import_job (heartbeat_at) where state = 'RUNNING';

create table import_job_country (
    job_id      uuid    not null references import_job (id),
    position    integer not null,
    -- the ISO 3166-1 alpha-3 code the narrative's heading names, if any
    country     char(3),
    -- where the narrative is in the job's text, in characters
    text_start  integer not null,
    text_end    integer not null,
    narrative   text    not null,
    state       text    not null,
    report_id   uuid,
    created     boolean,
    -- the import's answer (ImportResponse) or its failure (Problem), as JSON text: shown as it was written
    result      text,
    problem     text,
    primary key (job_id, position),
    check (state in ('PENDING', 'DONE', 'FAILED'))
);
