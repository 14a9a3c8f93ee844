-- Erasure of a student's personal data on request (AVG art. 17). At the home school: when it erased its copy and
-- asked the host (the ErasureRequested event), and when the host confirmed (the ErasureConfirmed event). At the host:
-- the home school's request, and when this node erased its copy and confirmed. The personal data itself is removed
-- as retention removes it (personal_data_removed_at); these columns hold no personal data.
alter table enrolment
    add column erasure_requested_at     timestamptz,
    add column erasure_request_event_id uuid,
    add column erasure_confirmed_at     timestamptz,
    add column erasure_receipt_event_id uuid,
    add constraint enrolment_erasure_is_whole check (
        (erasure_requested_at is null) = (erasure_request_event_id is null)
        and (erasure_confirmed_at is null) = (erasure_receipt_event_id is null)
        and (erasure_confirmed_at is null or erasure_requested_at is not null));
