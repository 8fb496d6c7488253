-- Vouchers and providers' declarations. Each reserves money as a row of ledger_hold: channel
-- 'voucher' (reference: the voucher's id) or 'declaration' (reference: the declaration's id), with no
-- expires_at, so the card hold expiry never touches them; a voucher's validity and grace period
-- decide when what it still holds is released.
--
-- No foreign key points at budget: a plan change locks its budget row for update, which would wait
-- on the key-share lock such a key takes while the line is locked here, and deadlock. The line's key
-- names the budget just as well.

create table voucher (
    id                   text                     not null,
    tenant               text                     not null,
    budget_id            uuid                     not null,
    line_id              uuid                     not null,
    hold_id              uuid,
    kind                 text                     not null,
    unit_value_cents     bigint                   not null,
    quantity             integer                  not null,
    value_cents          bigint                   not null,
    remaining_cents      bigint                   not null,
    spent_cents          bigint                   not null,
    service_classes      text                     not null,
    provider_business_id text,
    valid_from           date                     not null,
    valid_until          date                     not null,
    status               text                     not null,
    voucher_number       text,
    request_key          text                     not null,
    reopenings           integer                  not null,
    failure_reason       text,
    cancel_key           text,
    expired_on           date,
    expired_at           timestamp with time zone,
    released_at          timestamp with time zone,
    source_message_id    uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint voucher_pk primary key (id),
    constraint voucher_line_fk foreign key (line_id) references budget_line (id),
    constraint voucher_hold_fk foreign key (hold_id) references ledger_hold (id),
    constraint voucher_request_key_uq unique (request_key),
    constraint voucher_kind_known check (kind in ('SINGLE', 'MULTI')),
    constraint voucher_status_known check (status in ('REQUESTED', 'ISSUED', 'ACCEPTED', 'CANCELLED', 'EXPIRED',
        'FAILED')),
    constraint voucher_value_positive check (value_cents > 0),
    constraint voucher_unit_value_not_negative check (unit_value_cents >= 0),
    constraint voucher_quantity_not_negative check (quantity >= 0),
    constraint voucher_remaining_not_negative check (remaining_cents >= 0),
    constraint voucher_spent_not_negative check (spent_cents >= 0),
    constraint voucher_within_value check (remaining_cents + spent_cents <= value_cents),
    constraint voucher_validity_ordered check (valid_from <= valid_until)
);

create index voucher_status_valid_until_idx on voucher (status, valid_until);
create index voucher_budget_idx on voucher (budget_id);

-- Providers that accepted a voucher; for a voucher that names no provider, who may record its events.
create table voucher_provider (
    voucher_id           text                     not null,
    provider_business_id text                     not null,
    accepted_on          date                     not null,
    created_at           timestamp with time zone not null,
    constraint voucher_provider_pk primary key (voucher_id, provider_business_id),
    constraint voucher_provider_voucher_fk foreign key (voucher_id) references voucher (id)
);

-- A pending declaration holds what it asks (amount) and, when the line pays the client's share,
-- that share too; approval captures both, rejection gives them back.
create table declaration (
    id                   uuid                     not null,
    tenant               text                     not null,
    budget_id            uuid                     not null,
    line_id              uuid                     not null,
    hold_id              uuid,
    provider_business_id text                     not null,
    service_class        text                     not null,
    service_date         date                     not null,
    amount_cents         bigint                   not null,
    client_share_cents   bigint                   not null,
    description          text,
    voucher_id           text,
    event_id             text,
    declaration_key      text                     not null,
    status               text                     not null,
    decided_by           text,
    decided_at           timestamp with time zone,
    reason               text,
    source_message_id    uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint declaration_pk primary key (id),
    constraint declaration_line_fk foreign key (line_id) references budget_line (id),
    constraint declaration_hold_fk foreign key (hold_id) references ledger_hold (id),
    constraint declaration_voucher_fk foreign key (voucher_id) references voucher (id),
    constraint declaration_declaration_key_uq unique (declaration_key),
    constraint declaration_status_known check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint declaration_amount_positive check (amount_cents > 0),
    constraint declaration_client_share_not_negative check (client_share_cents >= 0)
);

create index declaration_status_created_at_idx on declaration (status, created_at);
create index declaration_budget_idx on declaration (budget_id);

-- Every service event the voucher system reported, once per (voucher, sender's event id), with the
-- answer given, so a repeat gets the same amounts back.
create table voucher_event (
    seq                       bigint generated by default as identity,
    voucher_id                text                     not null,
    event_id                  text                     not null,
    provider_business_id      text                     not null,
    service_date              date                     not null,
    service_class             text                     not null,
    quantity                  integer                  not null,
    price_cents               bigint                   not null,
    charged_cents             bigint                   not null,
    client_share_cents        bigint                   not null,
    client_share_booked_cents bigint                   not null,
    remaining_after_cents     bigint                   not null,
    status                    text                     not null,
    declaration_id            uuid,
    description               text,
    source_message_id         uuid,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    constraint voucher_event_pk primary key (voucher_id, event_id),
    constraint voucher_event_seq_uq unique (seq),
    constraint voucher_event_voucher_fk foreign key (voucher_id) references voucher (id),
    constraint voucher_event_declaration_fk foreign key (declaration_id) references declaration (id),
    constraint voucher_event_status_known check (status in ('APPLIED', 'PENDING_APPROVAL', 'REJECTED')),
    constraint voucher_event_quantity_positive check (quantity >= 1),
    constraint voucher_event_charged_positive check (charged_cents > 0),
    constraint voucher_event_client_share_not_negative check (client_share_cents >= 0),
    constraint voucher_event_price_adds_up check (price_cents = charged_cents + client_share_cents),
    constraint voucher_event_share_booked_within_share check (client_share_booked_cents >= 0
        and client_share_booked_cents <= client_share_cents)
);

create index voucher_event_declaration_idx on voucher_event (declaration_id);
