-- The relay looks up, for each aggregate in its window, the lowest version still waiting (OutboxRelay): without this
-- index each lookup scans the table, and a backlog of 100,000 rows (after an outage of Kafka, or a bulk load) drained at
-- about 30 events a second.
create index outbox_event_aggregate on outbox_event (aggregate_id, aggregate_version);
