-- Every command of the school's SIS that the node decided, by its commandId: what identifies the command, and the
-- answer it got, which the node gives again (as a repeat) when the same command comes again. A command refused
-- because its commandId is held by another command is not kept: the id is the other's.
create table sis_command (
    command_id       uuid        primary key,
    command_type     text        not null,
    enrolment_id     uuid        not null,
    issued_by        text        not null,
    -- The command's type and business fields, hashed ("v2:..."); older rows hash the whole command, envelope and all.
    fingerprint      text        not null,
    outcome          text        not null check (outcome in ('APPLIED', 'REJECTED')),
    -- APPLIED: the enrolment's status after the command.
    status           text,
    -- REJECTED: the CommandRejected's kind, code, field and reason (field is null for rows decided before V14).
    rejection_kind   text,
    rejection_code   text,
    rejection_field  text,
    rejection_reason text,
    -- The answers given on the events topic, each as {"type": record name, "avro": single-object encoding in
    -- base64}, without the student; null when the command was decided by a node that did not keep them.
    answers          jsonb,
    decided_at       timestamptz not null,
    constraint sis_command_answer check (
        (outcome = 'APPLIED' and status is not null and rejection_code is null)
        or (outcome = 'REJECTED' and rejection_kind is not null and rejection_code is not null))
);

-- Until now the node kept each command id in the REST API's idempotency table, under the principal 'kafka:' followed
-- by the commands topic, with its answer as a made-up HTTP response: 200 or 201 when applied, and the status the REST
-- API gives the same refusal (400 invalid, 404 not found, 409 conflict) when rejected. The body held the command's
-- type, enrolment, issuer and outcome, and its answers.
insert into sis_command (command_id, command_type, enrolment_id, issued_by, fingerprint, outcome, status,
                         rejection_kind, rejection_code, rejection_field, rejection_reason, answers, decided_at)
select cast(r.idempotency_key as uuid),
       coalesce(b.body ->> 'commandType', 'unknown'),
       cast(coalesce(b.body ->> 'enrolmentId', '00000000-0000-0000-0000-000000000000') as uuid),
       coalesce(b.body ->> 'issuedBy', ''),
       r.fingerprint,
       case when b.body ->> 'outcome' = 'REJECTED' then 'REJECTED' else 'APPLIED' end,
       case when b.body ->> 'outcome' = 'REJECTED' then null else coalesce(b.body ->> 'status', 'UNKNOWN') end,
       case when b.body ->> 'outcome' = 'REJECTED' then
           case r.response_status when 404 then 'NOT_FOUND' when 409 then 'CONFLICT' else 'INVALID' end
       end,
       case when b.body ->> 'outcome' = 'REJECTED' then coalesce(b.body ->> 'code', 'unknown') end,
       null,
       case when b.body ->> 'outcome' = 'REJECTED' then b.body ->> 'reason' end,
       case when jsonb_typeof(b.body -> 'answers') = 'array' then b.body -> 'answers' end,
       r.created_at
from idempotent_request r
cross join lateral (select cast(r.response_body as jsonb) as body) b
where r.principal like 'kafka:%'
order by r.created_at
on conflict (command_id) do nothing;

delete from idempotent_request where principal like 'kafka:%';
