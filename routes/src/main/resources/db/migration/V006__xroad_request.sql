-- Every X-Road request Avain applied, by the client and the message id X-Road gives it: a request
-- repeating an id gets the first answer again and has no second effect. Refusals change nothing
-- and are not kept here.
create table xroad_request (
    replay_key   text                     not null,
    operation    text                     not null,
    request_hash text                     not null,
    message_id   uuid,
    response     text,
    created_at   timestamp with time zone not null,
    constraint xroad_request_pk primary key (replay_key)
);

create index xroad_request_created_at_idx on xroad_request (created_at);
