-- Two times (DESIGN.md, "Two times"): what the world did (asOf: action dates, publication dates, already in the rows)
-- and what rectrack had recorded (knownAt). recorded_at is the second: the timestamp Kafka gave the event's record when
-- it was appended to its topic (LogAppendTime). It travels with the record, so a rebuild writes the same instants, and
-- it grows with the offset in each partition, so "the read model has applied every record of a partition up to offset
-- n" also says "... up to the instant of record n" (see KnownAtWatermark).
-- Rows applied before this column existed get the owner's commit instant, the closest instant they have.
alter table report_version add column recorded_at timestamptz;
update report_version set recorded_at = occurred_at;
alter table report_version alter column recorded_at set not null;
alter table recommendation_version add column recorded_at timestamptz;
update recommendation_version set recorded_at = occurred_at;
alter table recommendation_version alter column recorded_at set not null;
alter table evidence_version add column recorded_at timestamptz;
update evidence_version set recorded_at = occurred_at;
alter table evidence_version alter column recorded_at set not null;

-- "The version of each aggregate known at K": per aggregate, versions grow with recorded_at (one partition per
-- aggregate, appended in version order), so these indexes answer it.
create index report_version_known on report_version (report_id, recorded_at);
create index recommendation_version_known on recommendation_version (recommendation_id, recorded_at);
create index evidence_version_known on evidence_version (evidence_id, recorded_at);
create index report_version_recorded on report_version (recorded_at);
create index recommendation_version_recorded on recommendation_version (recorded_at);
create index evidence_version_recorded on evidence_version (recorded_at);

-- How far the read model has got in each partition of the topics it reads: the next offset to handle and the
-- timestamp of the last record handled. Written with each record, in the transaction that applies it.
create table read_model_progress (
    topic            text        not null,
    partition        integer     not null,
    next_offset      bigint      not null,
    last_recorded_at timestamptz not null,
    primary key (topic, partition)
);
