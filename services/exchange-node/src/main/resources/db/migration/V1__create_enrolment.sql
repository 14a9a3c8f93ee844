-- One row per enrolment: the aggregate root. The student is minimised to what the host needs (DESIGN §3).
create table enrolment (
    id                      uuid primary key,
    role                    text        not null check (role in ('HOME', 'HOST')),
    status                  text        not null check (status in ('REQUESTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'COMPLETED')),
    home_school             char(4)     not null,
    host_school             char(4)     not null,
    student_exchange_id     uuid        not null,
    student_given_name      text        not null,
    student_family_name     text        not null,
    student_date_of_birth   date        not null,
    student_email           text        not null,
    course_code             char(5)     not null,
    course_offering_id      text        not null,
    course_title            text        not null,
    course_study_load_hours integer     not null check (course_study_load_hours > 0),
    course_start_date       date        not null,
    course_end_date         date        not null,
    course_result_scale     text        not null check (course_result_scale in ('NUMERIC_1_TO_10', 'PASS_FAIL')),
    requested_at            timestamptz not null,
    acceptance_note         text,
    rejection_reason_code   text,
    rejection_reason_text   text,
    withdrawal_reason       text,
    last_changed_at         timestamptz not null,
    version                 bigint      not null
);

-- The registrar's list: newest first, filtered by side, status, student or course.
create index enrolment_by_requested_at on enrolment (requested_at desc, id);
create index enrolment_by_role_status on enrolment (role, status);
create index enrolment_by_student on enrolment (student_exchange_id);
create index enrolment_by_course on enrolment (course_code);

-- Every version of every attempt's result, part of the enrolment aggregate; the receipt is kept on its version.
create table result_version (
    enrolment_id      uuid        not null references enrolment (id) on delete cascade,
    attempt           integer     not null check (attempt >= 1),
    version           integer     not null check (version >= 1),
    kind              text        not null check (kind in ('ASSESSMENT', 'REVOCATION')),
    grade             text,
    final_result      boolean,
    assessed_on       date,
    correction_reason text,
    revocation_reason text,
    event_id          uuid        not null,
    occurred_at       timestamptz not null,
    receipt_event_id  uuid,
    acknowledged_at   timestamptz,
    primary key (enrolment_id, attempt, version),
    check (kind = 'REVOCATION' or (grade is not null and final_result is not null and assessed_on is not null)),
    check (kind = 'ASSESSMENT' or revocation_reason is not null),
    check ((receipt_event_id is null) = (acknowledged_at is null))
);
