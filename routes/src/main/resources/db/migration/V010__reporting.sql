-- Cost and impact follow-up. Everyone here is known by a reporting pseudonym (hex HMAC-SHA256 of the
-- identity code under the tenant's reporting key), never by an identity code or the ledger's client id,
-- so the tables can be read for reports without reaching the ledger's identities.

-- Who is followed: HB clients and the control group, with the tenant's client group.
create table report_member (
    tenant       text                     not null,
    pseudonym    text                     not null,
    client_group text                     not null,
    cohort       text                     not null,
    start_date   date,
    source       text                     not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint report_member_pk primary key (tenant, pseudonym),
    constraint report_member_cohort_known check (cohort in ('HB', 'CONTROL'))
);

-- Costs from outside the ledger (finance files): the control group's, and HB clients' services not paid
-- through Avain; per client, service class and month (period_month is the month's first day).
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
    constraint report_cost_client_class_month_source_uq unique (tenant, pseudonym, service_class, period_month, source),
    constraint report_cost_cost_not_negative check (cost_cents >= 0),
    constraint report_cost_staff_hours_not_negative check (staff_hours >= 0),
    constraint report_cost_assistant_hours_not_negative check (assistant_hours >= 0)
);

create index report_cost_tenant_period_month_idx on report_cost (tenant, period_month);

-- Outcome measurements on the tenant's instruments: the scores per dimension (JSON) and their mean.
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
    constraint outcome_measurement_client_instrument_day_uq unique (tenant, pseudonym, instrument, measured_on)
);

-- Needs in a plan that no service met, marked by a case worker.
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
    constraint unmet_need_pk primary key (id)
);

create index unmet_need_tenant_service_class_idx on unmet_need (tenant, service_class);
