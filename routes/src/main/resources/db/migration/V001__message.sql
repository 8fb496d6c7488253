-- The message store: every inbound message, stored before it is processed.
-- "timestamp with time zone" is PostgreSQL's timestamptz spelled so that H2 (the sandbox) accepts it too.
create table message (
    id              uuid                     not null,
    flow            text                     not null,
    source_id       text                     not null,
    tenant          text,
    received_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    status          text                     not null,
    attempts        integer                  not null,
    reason          text,
    content_type    text                     not null,
    body_ciphertext bytea                    not null,
    body_nonce      bytea                    not null,
    key_id          text                     not null,
    content_hash    text                     not null,
    constraint message_pk primary key (id),
    constraint message_status_known check (status in ('RECEIVED', 'PROCESSED', 'DUPLICATE', 'ERROR')),
    constraint message_attempts_not_negative check (attempts >= 0),
    constraint message_content_hash_is_sha256_hex check (length(content_hash) = 64)
);

create index message_flow_status_received_at_idx on message (flow, status, received_at);
create index message_status_received_at_idx on message (status, received_at);
create index message_received_at_idx on message (received_at);
create index message_flow_source_id_content_hash_idx on message (flow, source_id, content_hash);

-- Business keys (serviceId, clientHash, voucherId, authorizationId, ...); "value" is a keyword in H2.
create table message_key (
    message_id uuid not null,
    key_name   text not null,
    key_value  text not null,
    constraint message_key_pk primary key (message_id, key_name),
    constraint message_key_message_fk foreign key (message_id) references message (id) on delete cascade
);

create index message_key_key_value_idx on message_key (key_value);
