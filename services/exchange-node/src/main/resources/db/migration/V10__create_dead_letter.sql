-- Every record the node would not take in, with why, kept so that an operator can list it and replay it once the
-- cause is fixed. The same bytes, with the same reasons in headers, are on the school's dead-letter topic; this table
-- is the operator's worklist. A message of the outbox that could never be sent can be released here too (topic is
-- where it was going, partition -1 and offset its outbox id).
create table dead_letter (
    id               bigint generated always as identity primary key,
    source           text        not null,
    topic            text        not null,
    kafka_partition  int         not null,
    kafka_offset     bigint      not null,
    message_key      text,
    event_id         uuid,
    reason           text        not null,
    code             text,
    detail           text        not null,
    value            bytea,
    dead_lettered_at timestamptz not null,
    replayed_at      timestamptz,
    replay_outcome   text,
    constraint dead_letter_once_per_record unique (topic, kafka_partition, kafka_offset)
);

create index dead_letter_open on dead_letter (id) where replayed_at is null;

