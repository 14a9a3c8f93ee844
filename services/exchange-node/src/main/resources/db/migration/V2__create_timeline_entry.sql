-- Every event an enrolment received or sent, in order; refused incoming events are kept with the refusal.
-- The details are the event's fields as JSON, in the order of the wire contract (json keeps it, jsonb would not).
create table timeline_entry (
    id           bigint generated always as identity primary key,
    enrolment_id uuid        not null references enrolment (id) on delete cascade,
    event_id     uuid        not null,
    direction    text        not null check (direction in ('IN', 'OUT')),
    event_type   text        not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    summary      text        not null,
    refusal      text,
    details      json        not null
);

create index timeline_entry_by_enrolment on timeline_entry (enrolment_id, id);
