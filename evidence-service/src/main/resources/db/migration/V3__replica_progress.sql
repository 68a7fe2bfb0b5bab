-- How far the replica has got in each partition of the recommendations topic: the next offset to handle, written with
-- each record in the transaction that applies it. Each partition is read from here on assignment (SeekToReplicaProgress),
-- not from the consumer group's committed offset, which is committed apart and may be ahead of this database.
create table replica_progress (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);
