-- The ids of received events: a redelivered event is recognised here and changes nothing.
create table processed_event (
    event_id     uuid primary key,
    enrolment_id uuid        not null,
    event_type   text        not null,
    received_at  timestamptz not null,
    refusal_code text,
    refusal      text
);
