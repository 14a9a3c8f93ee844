-- A message waits in the outbox as the Avro binary encoding of its record (payload_schema names the record), ready
-- to be sent: the publisher only puts the schema id in front. Writing and reading JSON cost more than the rest of the
-- publishing; the timeline keeps a readable copy of every exchange event. Messages written before this wait as JSON
-- and are sent as before.
alter table outbox_event add column record bytea;
alter table outbox_event alter column payload drop not null;
alter table outbox_event add constraint outbox_event_has_a_payload
    check (payload is not null or (record is not null and payload_schema is not null));
