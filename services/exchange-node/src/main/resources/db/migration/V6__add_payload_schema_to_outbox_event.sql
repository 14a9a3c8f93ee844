-- A message can also be an Avro record of another contract than the exchange, such as an update on a school's own
-- events topic for its SIS. Its payload is then that record in Avro's JSON encoding, and this names its schema (the
-- record's full name); for an exchange event it stays null and the payload is the event as ExchangeEventJson writes it.
alter table outbox_event add column payload_schema text;
