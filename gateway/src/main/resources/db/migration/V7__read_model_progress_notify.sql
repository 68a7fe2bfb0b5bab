-- Every change of a partition's progress, committed by any gateway instance's consumers, is announced on the channel
-- read_model_progress (PostgreSQL's LISTEN/NOTIFY, delivered at commit), its payload the append time of the last
-- record handled, in milliseconds since the epoch: each instance's waiting writes and knownAt watermark learn at once
-- of what the others applied (ProgressNotifications), instead of polling for it.
create function read_model_progress_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('read_model_progress', (extract(epoch from new.last_recorded_at) * 1000)::bigint::text);
    return null;
end
$$;

create trigger read_model_progress_notify after insert or update on read_model_progress
    for each row execute function read_model_progress_notify();
