-- The Kafka key of an event that must share a partition with another aggregate's events: an import's draft evidence
-- goes with the recommendation it bears on, so a consumer reads it after that recommendation (see Outbox#append).
-- Null: the key is the aggregate id, as for every event that is its aggregate's own.
alter table outbox_event add column partition_key text;
