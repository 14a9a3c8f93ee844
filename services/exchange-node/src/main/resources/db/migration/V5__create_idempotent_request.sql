-- Commands submitted with an Idempotency-Key: a repeat with the same key and request gets the first response.
create table idempotent_request (
    principal         text        not null,
    idempotency_key   text        not null,
    fingerprint       text        not null,
    response_status   integer,
    response_location text,
    response_body     text,
    created_at        timestamptz not null,
    primary key (principal, idempotency_key)
);
