-- Cost and impact follow-up. Clients are known here only by their reporting pseudonym: the hex
-- HMAC-SHA256 of the identity code under the tenant's reporting key, never the code itself.

-- Who the report follows: members of the HB and control cohorts, from the costs files. start_date is
-- the first day of the earliest month a cost was imported for.
create table report_member (
    tenant       text                     not null,
    pseudonym    text                     not null,
    client_group text                     not null,
    cohort       text                     not null,
    start_date   date                     not null,
    source       text                     not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint report_member_pk primary key (tenant, pseudonym),
    constraint report_member_cohort_known check (cohort in ('HB', 'CONTROL')),
    constraint report_member_pseudonym_is_sha256_hex check (length(pseudonym) = 64)
);

-- A client's cost of one service class in one month, from one source (a finance system). The unique key
-- makes a file imported again update its rows instead of doubling them.
create table report_cost (
    id              uuid                     not null,
    tenant          text                     not null,
    pseudonym       text                     not null,
    service_class   text                     not null,
    period_month    date                     not null,
    cost_cents      bigint                   not null,
    source          text                     not null,
    staff_hours     numeric(12, 2),
    assistant_hours numeric(12, 2),
    message_id      uuid,
    line_no         integer,
    created_at      timestamp with time zone not null,
    constraint report_cost_pk primary key (id),
    constraint report_cost_key_uq unique (tenant, pseudonym, service_class, period_month, source),
    constraint report_cost_cost_not_negative check (cost_cents >= 0),
    constraint report_cost_staff_hours_not_negative check (staff_hours >= 0),
    constraint report_cost_assistant_hours_not_negative check (assistant_hours >= 0),
    constraint report_cost_period_is_first_day check (extract(day from period_month) = 1),
    constraint report_cost_pseudonym_is_sha256_hex check (length(pseudonym) = 64)
);

create index report_cost_tenant_period_idx on report_cost (tenant, period_month);
create index report_cost_tenant_pseudonym_idx on report_cost (tenant, pseudonym);

-- A measurement on one of the tenant's instruments: scores holds the dimensions as a JSON object
-- ({"physical": 7, ...}), score their mean.
create table outcome_measurement (
    id          uuid                     not null,
    tenant      text                     not null,
    pseudonym   text                     not null,
    instrument  text                     not null,
    measured_on date                     not null,
    scores      text                     not null,
    score       numeric(8, 3)            not null,
    goal        text,
    message_id  uuid,
    created_at  timestamp with time zone not null,
    constraint outcome_measurement_pk primary key (id),
    constraint outcome_measurement_key_uq unique (tenant, pseudonym, instrument, measured_on),
    constraint outcome_measurement_pseudonym_is_sha256_hex check (length(pseudonym) = 64)
);

create index outcome_measurement_tenant_pseudonym_idx on outcome_measurement (tenant, pseudonym);

-- A need in a plan that no service met: the service class wanted, and where (the client's home
-- municipality unless another was named). marked_by is the API key's name, never a person's identity.
create table unmet_need (
    id            uuid                     not null,
    tenant        text                     not null,
    budget_id     uuid                     not null,
    pseudonym     text                     not null,
    service_class text                     not null,
    municipality  text,
    note          text,
    marked_by     text                     not null,
    created_at    timestamp with time zone not null,
    constraint unmet_need_pk primary key (id),
    constraint unmet_need_budget_fk foreign key (budget_id) references budget (id),
    constraint unmet_need_pseudonym_is_sha256_hex check (length(pseudonym) = 64)
);

create index unmet_need_tenant_service_class_idx on unmet_need (tenant, service_class);
create index unmet_need_tenant_pseudonym_idx on unmet_need (tenant, pseudonym);
