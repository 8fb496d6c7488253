-- Every read and change of a client's data through the citizen portal (FHIR): who, acting for whom,
-- what, why and how it ended. The actor is a token's subject or an API key's name, never an identity
-- code. Resources are space-separated references ("ChargeItem/<id> Account/<id>"). No foreign keys:
-- the audit outlives what it names.
create table audit_event (
    id             uuid                     not null,
    at             timestamp with time zone not null,
    actor_role     text                     not null,
    actor          text                     not null,
    patient_id     uuid,
    tenant         text                     not null,
    action         text                     not null,
    resources      text                     not null,
    purpose_of_use text                     not null,
    outcome        text                     not null,
    constraint audit_event_pk primary key (id),
    constraint audit_event_actor_role_known
        check (actor_role in ('citizen', 'representative', 'operator', 'integrator')),
    constraint audit_event_action_known
        check (action in ('read', 'search', 'create', 'update', 'approve', 'reject')),
    -- FHIR AuditEvent.outcome: success, minor failure, serious failure, major failure.
    constraint audit_event_outcome_known check (outcome in ('0', '4', '8', '12'))
);

create index audit_event_patient_id_at_idx on audit_event (patient_id, at);
create index audit_event_at_idx on audit_event (at);
