-- Once an enrolment has been closed (completed, rejected or withdrawn) for the retention periods, the retention job
-- removes the student's e-mail address, and later the name and date of birth: the exchange id (a pseudonym per home
-- school) and the results stay. The columns hold null once removed, and when it happened is recorded.
alter table enrolment
    alter column student_email drop not null,
    alter column student_given_name drop not null,
    alter column student_family_name drop not null,
    alter column student_date_of_birth drop not null,
    add column contact_data_removed_at timestamptz,
    add column personal_data_removed_at timestamptz;

-- What the retention job looks for: closed enrolments by when they last changed.
create index enrolment_closed_by_last_change on enrolment (last_changed_at)
    where status in ('COMPLETED', 'REJECTED', 'WITHDRAWN');

-- The other tables are cleaned up by age.
create index processed_event_by_received_at on processed_event (received_at);
create index idempotent_request_by_created_at on idempotent_request (created_at);
create index dead_letter_by_dead_lettered_at on dead_letter (dead_lettered_at);
