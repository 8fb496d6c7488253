-- Needs a case worker marked unmet in a client's plan (POST /api/v1/plans/{budgetId}/unmet-needs): the
-- service-gap report counts them beside what the catalogue copy offers. The client is known by the
-- tenant's reporting pseudonym, never by the identity code.
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

create index unmet_need_tenant_pseudonym_idx on unmet_need (tenant, pseudonym);
create index unmet_need_budget_idx on unmet_need (budget_id);
