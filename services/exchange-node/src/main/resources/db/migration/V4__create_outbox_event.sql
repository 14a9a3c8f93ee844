-- Events to publish, written in the transaction of the state change that caused them (transactional outbox).
-- The payload is JSON rather than Avro: the wire format is the publisher's concern, and JSON stays readable.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      json        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

-- The publisher reads only what waits; the index stays as small as the backlog.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
