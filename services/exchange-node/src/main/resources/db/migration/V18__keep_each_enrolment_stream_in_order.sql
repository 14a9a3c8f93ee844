-- Each exchange event carries its position in the stream of its enrolment's events from its sender (1, 2, ...).

-- Sending: every exchange event this node sent, as the Avro record it published, under its position. The highest
-- position of an enrolment numbers its next event; the rows are what the node sends again when its partner asks
-- (reconciliation), after losing records to a channel's retention or to a restore from a backup. Retention and
-- erasure empty the record with the enrolment's personal data (it may carry the student); the row stays, so that the
-- enrolment's next event still gets the next position.
create table exchange_sent_event (
    enrolment_id   uuid        not null,
    position       bigint      not null check (position >= 1),
    event_id       uuid        not null,
    topic          text        not null,
    event_type     text        not null,
    payload_schema text        not null,
    record         bytea,
    sent_at        timestamptz not null,
    primary key (enrolment_id, position)
);

-- Receiving: per enrolment and sender, the position up to which every event has been applied without a gap.
create table exchange_stream_in (
    enrolment_id   uuid    not null,
    sender         text    not null,
    received_up_to bigint  not null check (received_up_to >= 0),
    primary key (enrolment_id, sender)
);

-- Receiving: events that arrived before one of their predecessors, as they came off the channel, until the missing
-- ones arrive; then they are applied in order and removed, in the same transaction.
create table exchange_held_event (
    enrolment_id    uuid        not null,
    sender          text        not null,
    position        bigint      not null check (position >= 1),
    event_id        uuid        not null,
    event_type      text        not null,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    value           bytea       not null,
    held_at         timestamptz not null,
    primary key (enrolment_id, sender, position)
);
