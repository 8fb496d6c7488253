-- Who read or replayed which message. No foreign key: the audit outlives the messages that retention prunes.
create table message_audit (
    id         uuid                     not null,
    message_id uuid                     not null,
    action     text                     not null,
    actor      text                     not null,
    at         timestamp with time zone not null,
    detail     text,
    constraint message_audit_pk primary key (id),
    constraint message_audit_action_known check (action in ('READ', 'REPLAY'))
);

create index message_audit_message_id_idx on message_audit (message_id);
create index message_audit_at_idx on message_audit (at);
