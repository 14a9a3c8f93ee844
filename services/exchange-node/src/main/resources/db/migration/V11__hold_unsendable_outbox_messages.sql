-- A message that cannot be sent (its record does not serialise, or it is larger than the broker takes) is held with
-- why, instead of blocking the whole outbox behind it. It holds back only the later messages of its own key (its
-- enrolment), so that their order stays; an operator sends it again or releases it to the dead letters.
alter table outbox_event
    add column held_at timestamptz,
    add column held_because text,
    add column failed_attempts int not null default 0;

create index outbox_event_held on outbox_event (message_key, id) where held_at is not null;
