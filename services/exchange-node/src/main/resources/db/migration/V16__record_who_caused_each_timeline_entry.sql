-- Who caused each timeline entry: a registrar of this school (caused_by is the user name), a command of its SIS
-- (caused_by is the SIS's Kafka login, with the command id and who issued it in the SIS), or another school's event
-- (caused_by is the sending school's code). Entries recorded before this was kept hold null: the cause is unknown.
alter table timeline_entry
    add column caused_by_kind text check (caused_by_kind in ('REGISTRAR', 'SIS_COMMAND', 'SCHOOL')),
    add column caused_by      text,
    add column sis_command_id uuid,
    add column sis_issued_by  text,
    add constraint timeline_entry_cause_is_whole check (
        (caused_by_kind is null and caused_by is null and sis_command_id is null and sis_issued_by is null)
        or (caused_by_kind is not null and caused_by is not null
            and (caused_by_kind = 'SIS_COMMAND') = (sis_command_id is not null)
            and (caused_by_kind = 'SIS_COMMAND' or sis_issued_by is null)));
