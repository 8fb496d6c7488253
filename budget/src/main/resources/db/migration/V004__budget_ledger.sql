-- The personal-budget ledger. Money is kept as whole cents (bigint): no floating point anywhere.
-- The invariants these tables keep are written down in fi.avain.budget.LedgerInvariants.

-- A client, known by a keyed hash of the identity code; the code itself only sealed (AES-GCM).
create table client (
    id                uuid                     not null,
    tenant            text                     not null,
    pseudonym         text                     not null,
    identity_sealed   bytea                    not null,
    identity_nonce    bytea                    not null,
    key_id            text                     not null,
    home_municipality text,
    created_at        timestamp with time zone not null,
    constraint client_pk primary key (id),
    constraint client_tenant_pseudonym_uq unique (tenant, pseudonym)
);

create table budget (
    id           uuid                     not null,
    tenant       text                     not null,
    client_id    uuid                     not null,
    plan_id      text                     not null,
    client_group text                     not null,
    cohort       text                     not null,
    period_start date                     not null,
    period_end   date                     not null,
    version      integer                  not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint budget_pk primary key (id),
    constraint budget_client_fk foreign key (client_id) references client (id),
    constraint budget_tenant_plan_uq unique (tenant, plan_id),
    constraint budget_cohort_known check (cohort in ('HB', 'CONTROL')),
    constraint budget_period_ordered check (period_start <= period_end),
    constraint budget_version_positive check (version >= 1)
);

create index budget_client_idx on budget (client_id);

-- Every version of a plan as it was applied; the plan's content without the identity code.
create table budget_version (
    budget_id         uuid                     not null,
    version           integer                  not null,
    source_message_id uuid,
    content_hash      text                     not null,
    plan              text                     not null,
    created_at        timestamp with time zone not null,
    constraint budget_version_pk primary key (budget_id, version),
    constraint budget_version_budget_fk foreign key (budget_id) references budget (id)
);

-- A line's balances are kept here and equal the sums of its ledger entries; the checks are the
-- last defence of "no line below zero", whatever the concurrency.
create table budget_line (
    id                          uuid                     not null,
    budget_id                   uuid                     not null,
    code                        text                     not null,
    category                    text                     not null,
    allocated_cents             bigint                   not null,
    held_cents                  bigint                   not null,
    spent_cents                 bigint                   not null,
    period_start                date                     not null,
    period_end                  date                     not null,
    service_classes             text                     not null,
    merchant_categories         text                     not null,
    channels                    text                     not null,
    per_transaction_limit_cents bigint,
    per_day_limit_cents         bigint,
    client_share_charged        boolean                  not null,
    version                     integer                  not null,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    constraint budget_line_pk primary key (id),
    constraint budget_line_budget_fk foreign key (budget_id) references budget (id),
    constraint budget_line_budget_code_uq unique (budget_id, code),
    constraint budget_line_allocated_not_negative check (allocated_cents >= 0),
    constraint budget_line_held_not_negative check (held_cents >= 0),
    constraint budget_line_spent_not_negative check (spent_cents >= 0),
    constraint budget_line_within_allocation check (held_cents + spent_cents <= allocated_cents),
    constraint budget_line_period_ordered check (period_start <= period_end)
);

-- A line's rules as each plan version set them.
create table budget_line_version (
    line_id         uuid    not null,
    version         integer not null,
    allocated_cents bigint  not null,
    rules           text    not null,
    constraint budget_line_version_pk primary key (line_id, version),
    constraint budget_line_version_line_fk foreign key (line_id) references budget_line (id)
);

-- One effect: what one message (or one job step) did to the ledger. The idempotency key is the
-- sender's id for the effect, so a repeat finds it instead of booking twice.
create table ledger_movement (
    id                uuid                     not null,
    budget_id         uuid,
    kind              text                     not null,
    idempotency_key   text                     not null,
    source_message_id uuid,
    channel           text,
    reference         text,
    created_at        timestamp with time zone not null,
    constraint ledger_movement_pk primary key (id),
    constraint ledger_movement_idempotency_key_uq unique (idempotency_key),
    constraint ledger_movement_kind_known check (kind in ('ALLOCATION', 'REPLAN', 'HOLD', 'CAPTURE', 'RELEASE',
        'REFUND', 'CORRECTION', 'EXPIRY', 'EXCEPTION'))
);

-- Double entry: each row debits one account and credits another by a positive amount. An
-- account's balance is the sum of its debits less the sum of its credits.
create table ledger_entry (
    id             bigint generated by default as identity,
    movement_id    uuid                     not null,
    budget_id      uuid,
    line_id        uuid,
    debit_account  text                     not null,
    credit_account text                     not null,
    amount_cents   bigint                   not null,
    created_at     timestamp with time zone not null,
    constraint ledger_entry_pk primary key (id),
    constraint ledger_entry_movement_fk foreign key (movement_id) references ledger_movement (id),
    constraint ledger_entry_amount_positive check (amount_cents > 0),
    constraint ledger_entry_two_accounts check (debit_account <> credit_account)
);

create index ledger_entry_budget_idx on ledger_entry (budget_id, id);

-- A reservation on a line: a card authorization, a voucher, a declaration awaiting approval.
create table ledger_hold (
    id                uuid                     not null,
    budget_id         uuid                     not null,
    line_id           uuid                     not null,
    channel           text                     not null,
    reference         text                     not null,
    authorized_cents  bigint                   not null,
    remaining_cents   bigint                   not null,
    captured_cents    bigint                   not null,
    status            text                     not null,
    merchant_category text,
    expires_at        timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint ledger_hold_pk primary key (id),
    constraint ledger_hold_line_fk foreign key (line_id) references budget_line (id),
    constraint ledger_hold_channel_reference_uq unique (channel, reference),
    constraint ledger_hold_remaining_not_negative check (remaining_cents >= 0),
    constraint ledger_hold_captured_not_negative check (captured_cents >= 0),
    constraint ledger_hold_status_known check (status in ('ACTIVE', 'CLOSED', 'EXPIRED'))
);

create index ledger_hold_status_expires_at_idx on ledger_hold (status, expires_at);
create index ledger_hold_line_created_at_idx on ledger_hold (line_id, created_at);

create table card (
    id                uuid                     not null,
    processor         text                     not null,
    processor_card_id text                     not null,
    client_id         uuid                     not null,
    budget_id         uuid                     not null,
    status            text                     not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint card_pk primary key (id),
    constraint card_processor_card_id_uq unique (processor_card_id),
    constraint card_client_fk foreign key (client_id) references client (id),
    constraint card_budget_fk foreign key (budget_id) references budget (id),
    constraint card_status_known check (status in ('ACTIVE', 'BLOCKED', 'LOST', 'CLOSED'))
);

-- Every answer given to a processor, kept so that a repeat gets the identical answer. An
-- incremental authorization is the same id with a larger requested total.
create table card_authorization (
    processor         text                     not null,
    authorization_id  text                     not null,
    requested_cents   bigint                   not null,
    card_id           uuid,
    hold_id           uuid,
    approved          boolean                  not null,
    approved_cents    bigint                   not null,
    reason            text,
    response          text                     not null,
    source_message_id uuid,
    created_at        timestamp with time zone not null,
    constraint card_authorization_pk primary key (processor, authorization_id, requested_cents)
);

-- Every clearing record applied, once: the key of exactly-once clearing.
create table card_clearing (
    processor         text                     not null,
    record_id         text                     not null,
    record_type       text                     not null,
    authorization_id  text,
    processor_card_id text,
    amount_cents      bigint                   not null,
    booked_cents      bigint                   not null,
    settlement_date   date,
    outcome           text                     not null,
    source_message_id uuid,
    created_at        timestamp with time zone not null,
    constraint card_clearing_pk primary key (processor, record_id)
);

create index card_clearing_settlement_date_idx on card_clearing (settlement_date);

-- What needs a person: over-captures, force posts the line could not take, settlement differences.
create table reconciliation_exception (
    id           uuid                     not null,
    tenant       text,
    kind         text                     not null,
    reference    text                     not null,
    amount_cents bigint                   not null,
    detail       text                     not null,
    status       text                     not null,
    created_at   timestamp with time zone not null,
    resolved_at  timestamp with time zone,
    resolved_by  text,
    constraint reconciliation_exception_pk primary key (id),
    constraint reconciliation_exception_status_known check (status in ('OPEN', 'RESOLVED'))
);

create index reconciliation_exception_status_created_at_idx on reconciliation_exception (status, created_at);
