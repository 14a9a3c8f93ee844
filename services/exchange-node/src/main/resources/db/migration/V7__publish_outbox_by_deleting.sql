-- The outbox is a queue: a message leaves it once Kafka has acknowledged it. Marking it published instead rewrote
-- every row (payload included) and its three index entries, and the table grew without end. What was sent stays in
-- each enrolment's timeline and on the topic.
delete from outbox_event where published_at is not null;
drop index outbox_event_unpublished;
alter table outbox_event drop column published_at;
