-- The cost benchmark's ledger, set-based, into a schema Flyway has just migrated. psql variables: schema,
-- months (12), spends (spends a month per client; each is a HOLD and a CAPTURE movement of one entry
-- each, so 2 x spends entries); the clients (SealedClients' CSV) come on psql's standard input.
-- Every client has one budget for 2026 with two lines: care (P10.4, card and voucher) and daily living
-- (P10.1, card and invoice); 4 in 5 are HB, 1 in 5 CONTROL; three client groups; ten municipalities.
-- Spends go to the lines in turn (care by card, care by voucher, daily by card, daily by invoice),
-- 10.00 to 49.99 EUR, in the month they are made. Ids are md5 of a name, so entries find their
-- movements without a lookup. The bulk goes in without the movement and entry indexes and the
-- entry-to-movement foreign key, which are built (and checked) once at the end, as the migration
-- names them.
\set ON_ERROR_STOP on
set search_path to :"schema";
set maintenance_work_mem = '256MB';

begin;
create temporary table seed_client (n integer primary key, pseudonym text, sealed bytea, nonce bytea, key_id text);
\copy seed_client from pstdin with (format csv)

insert into client (id, tenant, pseudonym, identity_sealed, identity_nonce, key_id, home_municipality, created_at)
select md5('client:' || n)::uuid, 'bench', pseudonym, sealed, nonce, key_id,
       (array['091', '049', '092', '853', '837', '564', '179', '405', '491', '167'])[1 + n % 10],
       timestamptz '2025-12-15 10:00:00+02'
from seed_client;

insert into budget (id, tenant, client_id, plan_id, client_group, cohort, period_start, period_end, version,
                    created_at, updated_at)
select md5('budget:' || n)::uuid, 'bench', md5('client:' || n)::uuid, 'bench-plan-' || n,
       (array['disability', 'family', 'elderly'])[1 + n % 3], case when n % 5 = 4 then 'CONTROL' else 'HB' end,
       date '2026-01-01', date '2026-12-31', 1, timestamptz '2025-12-15 10:00:00+02', timestamptz '2025-12-15 10:00:00+02'
from seed_client;

insert into budget_version (budget_id, version, source_message_id, content_hash, plan, created_at)
select md5('budget:' || n)::uuid, 1, null, md5('plan:' || n), '{"planId":"bench-plan-' || n || '"}',
       timestamptz '2025-12-15 10:00:00+02'
from seed_client;

create temporary table seed_line as
select n, l, md5('line:' || n || ':' || l)::uuid as id, md5('budget:' || n)::uuid as budget_id,
       (array['care', 'daily'])[l + 1] as code
from seed_client, generate_series(0, 1) l;

insert into budget_line (id, budget_id, code, category, allocated_cents, held_cents, spent_cents, period_start,
                         period_end, service_classes, merchant_categories, channels, per_transaction_limit_cents,
                         per_day_limit_cents, client_share_charged, version, created_at, updated_at)
select id, budget_id, code, (array['Hoiva', 'Päivittäinen elämä'])[l + 1], 1000000, 0, 0, date '2026-01-01',
       date '2026-12-31',
       'http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/' || (array['P10.4', 'P10.1'])[l + 1], '8099',
       (array['card voucher', 'card invoice'])[l + 1], null, null, false, 1,
       timestamptz '2025-12-15 10:00:00+02', timestamptz '2025-12-15 10:00:00+02'
from seed_line;

insert into budget_line_version (line_id, version, allocated_cents, rules)
select id, 1, 1000000, '{"code":"' || code || '"}' from seed_line;

insert into ledger_movement (id, budget_id, kind, idempotency_key, source_message_id, channel, reference, created_at)
select md5('allocation:' || n)::uuid, md5('budget:' || n)::uuid, 'ALLOCATION',
       'plan:' || md5('budget:' || n)::uuid || ':1', null, null, 'bench-plan-' || n, timestamptz '2025-12-15 10:00:00+02'
from seed_client;

insert into ledger_entry (movement_id, budget_id, line_id, debit_account, credit_account, amount_cents, created_at)
select md5('allocation:' || n)::uuid, budget_id, id, 'line:' || id || ':available', 'tenant:bench:funding', 1000000,
       timestamptz '2025-12-15 10:00:00+02'
from seed_line;
commit;

alter table ledger_entry drop constraint ledger_entry_movement_fk;
drop index ledger_entry_budget_idx;
alter table ledger_movement drop constraint ledger_movement_idempotency_key_uq;
alter table ledger_movement drop constraint ledger_movement_pk;

-- s: spend k of month m of client n. Line (k % 4) / 2, channel by k % 4; made on day 1 + k % 27 at
-- 08:00 + k % 9 hours (Helsinki), captured an hour later.
create temporary table seed_spend as
select n, m, k, md5('line:' || n || ':' || (k % 4) / 2)::uuid as line_id, md5('budget:' || n)::uuid as budget_id,
       (array['card', 'voucher', 'card', 'invoice'])[1 + k % 4] as channel,
       1000 + (n * 7919 + m * 104729 + k * 31) % 4000 as cents,
       (timestamp '2026-01-01 08:00:00' + make_interval(months => m, days => k % 27, hours => k % 9))
           at time zone 'Europe/Helsinki' as held_at
from seed_client, generate_series(0, :months - 1) m, generate_series(0, :spends - 1) k;

insert into ledger_movement (id, budget_id, kind, idempotency_key, source_message_id, channel, reference, created_at)
select md5(p.kind || ':' || n || ':' || m || ':' || k)::uuid, budget_id, p.kind,
       'bench:' || lower(p.kind) || ':' || n || ':' || m || ':' || k, null, channel, 'bench-' || n || '-' || m || '-' || k,
       held_at + p.later
from seed_spend, (values ('HOLD', interval '0'), ('CAPTURE', interval '1 hour')) p(kind, later);

insert into ledger_entry (movement_id, budget_id, line_id, debit_account, credit_account, amount_cents, created_at)
select md5(p.kind || ':' || n || ':' || m || ':' || k)::uuid, budget_id, line_id,
       'line:' || line_id || p.debit, 'line:' || line_id || p.credit, cents, held_at + p.later
from seed_spend, (values ('HOLD', ':held', ':available', interval '0'),
                         ('CAPTURE', ':spent', ':held', interval '1 hour')) p(kind, debit, credit, later);

update budget_line l set spent_cents = s.cents, updated_at = timestamptz '2026-12-31 12:00:00+02'
from (select line_id, sum(cents) as cents from seed_spend group by line_id) s
where s.line_id = l.id;

alter table ledger_movement add constraint ledger_movement_pk primary key (id);
alter table ledger_movement add constraint ledger_movement_idempotency_key_uq unique (idempotency_key);
create index ledger_entry_budget_idx on ledger_entry (budget_id, id);
alter table ledger_entry add constraint ledger_entry_movement_fk foreign key (movement_id) references ledger_movement (id);
analyze client, budget, budget_line, ledger_movement, ledger_entry;
