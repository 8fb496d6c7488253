package fi.avain.budget;

import fi.avain.mappings.fhir.ChargeStatus;
import fi.avain.mappings.fhir.PortalBudget;
import fi.avain.mappings.fhir.PortalCharge;
import fi.avain.mappings.fhir.PortalLine;
import fi.avain.mappings.fhir.PortalPatient;
import fi.avain.mappings.fhir.PortalPlanVersion;
import fi.avain.mappings.model.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger as the citizen portal reads it: clients, budgets with their lines, and every hold and spend
 * on them. A charge is a hold (a card authorization, a voucher's reservation, a declaration) with what it
 * still holds and what it has spent, or a spend that no hold covered (a card force post, a refund, a
 * correction). Nothing here decides who may read what; the caller does.
 */
public final class Portal {
    private static final String HOLDS = """
            select h.id, h.budget_id, h.line_id, h.channel, h.reference, h.status, h.remaining_cents,
                   h.captured_cents, h.created_at, h.updated_at,
                   coalesce(v.provider_business_id, d.provider_business_id) as provider,
                   h.merchant_category, d.service_class, 'HOLD' as kind, d.service_date
            from ledger_hold h
            left join voucher v on h.channel = 'voucher' and v.id = h.reference
            left join declaration d on h.channel = 'declaration' and d.hold_id = h.id
            where %s""";
    // A spend's amount is what it moved into (or, for a refund, out of) the line's spent account.
    private static final String SPENDS = """
            select m.id, m.budget_id, e.line_id, coalesce(m.channel, 'correction'), m.reference, m.kind, 0,
                   sum(case when e.debit_account = concat('line:', cast(e.line_id as varchar(36)), ':spent')
                            then e.amount_cents
                            when e.credit_account = concat('line:', cast(e.line_id as varchar(36)), ':spent')
                            then -e.amount_cents else 0 end),
                   m.created_at, m.created_at, cast(null as text), cast(null as text), cast(null as text), m.kind,
                   cast(null as date)
            from ledger_movement m join ledger_entry e on e.movement_id = m.id
            where e.line_id is not null and (m.kind in ('REFUND', 'CORRECTION') or (m.kind = 'CAPTURE'
                  and not exists (select 1 from ledger_hold h where h.channel = m.channel
                                  and h.reference = m.reference)))
              and %s
            group by m.id, m.budget_id, e.line_id, m.channel, m.reference, m.kind, m.created_at""";

    private final JdbcClient db;
    private final ClientIdentities identities;
    private final Budgets budgets;

    public Portal(JdbcClient db, ClientIdentities identities) {
        this.db = db;
        this.identities = identities;
        this.budgets = new Budgets(db, identities);
    }

    public Optional<PortalPatient> patient(UUID clientId) {
        return db.sql("""
                        select id, tenant, identity_sealed, identity_nonce, key_id, home_municipality
                        from client where id = ?""")
                .param(clientId)
                .query((rs, n) -> new PortalPatient(rs.getObject(1, UUID.class), rs.getString(2),
                        identities.open(new ClientIdentities.Sealed(rs.getBytes(3), rs.getBytes(4), rs.getString(5))),
                        rs.getString(6) == null ? null : MunicipalityCode.parse(rs.getString(6))))
                .optional();
    }

    public Optional<PortalBudget> budget(UUID budgetId) {
        return budgets.find(budgetId).map(Portal::budget);
    }

    /** A client's budgets, newest period first. */
    public List<PortalBudget> budgetsOf(UUID clientId) {
        return budgets.ofClient(clientId).stream().map(Portal::budget).toList();
    }

    /** The budget a line belongs to. */
    public Optional<UUID> budgetOfLine(UUID lineId) {
        return db.sql("select budget_id from budget_line where id = ?").param(lineId).query(UUID.class).optional();
    }

    /** The client a budget belongs to. */
    public Optional<UUID> clientOfBudget(UUID budgetId) {
        return db.sql("select client_id from budget where id = ?").param(budgetId).query(UUID.class).optional();
    }

    public List<PortalPlanVersion> planVersions(UUID budgetId) {
        return db.sql("select version, created_at from budget_version where budget_id = ? order by version")
                .param(budgetId)
                .query((rs, n) -> new PortalPlanVersion(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Which charges to read: one budget's, or one line's, optionally within a time range. */
    public record ChargeQuery(UUID budgetId, UUID lineId, Instant from, Instant to) {
        public ChargeQuery {
            if ((budgetId == null) == (lineId == null)) {
                throw new IllegalArgumentException("a charge query names a budget or a line");
            }
        }
    }

    /** A page of charges, newest first. */
    public List<PortalCharge> charges(ChargeQuery query, int offset, int count) {
        List<Object> params = new ArrayList<>();
        String holds = HOLDS.formatted(where("h", query, params));
        String spends = SPENDS.formatted(where("m", query, params));
        params.add(count);
        params.add(offset);
        UUID patient = clientOfBudget(query.budgetId() != null ? query.budgetId()
                : budgetOfLine(query.lineId()).orElse(null)).orElse(null);
        if (patient == null) {
            return List.of();
        }
        return db.sql("select * from (" + holds + " union all " + spends + ") c order by 9 desc, 1 limit ? offset ?")
                .params(params)
                .query((rs, n) -> charge(rs, patient))
                .list();
    }

    public long chargeCount(ChargeQuery query) {
        List<Object> params = new ArrayList<>();
        String holds = HOLDS.formatted(where("h", query, params));
        String spends = SPENDS.formatted(where("m", query, params));
        return db.sql("select count(*) from (" + holds + " union all " + spends + ") c").params(params)
                .query(Long.class).single();
    }

    /** One charge by its id (a hold's or a spend movement's). */
    public Optional<PortalCharge> charge(UUID id) {
        // One statement, as a notification reads its charge on every delivery.
        String holds = HOLDS.formatted("h.id = ?");
        String spends = SPENDS.formatted("m.id = ?");
        return db.sql("select c.*, b.client_id from (" + holds + " union all " + spends + ") c"
                        + " join budget b on b.id = c.budget_id")
                .params(id, id)
                .query((rs, n) -> charge(rs, rs.getObject("client_id", UUID.class))).list().stream().findFirst();
    }

    /** The charge a booked movement changed: its hold's, or its own when no hold covers it. */
    public Optional<UUID> chargeOfMovement(UUID movementId, String channel, String reference) {
        if (channel != null && reference != null) {
            Optional<UUID> hold = db.sql("select id from ledger_hold where channel = ? and reference = ?")
                    .params(channel, reference).query(UUID.class).optional();
            if (hold.isPresent()) {
                return hold;
            }
        }
        return db.sql("select id from ledger_movement where id = ? and kind in ('CAPTURE', 'REFUND', 'CORRECTION')")
                .param(movementId).query(UUID.class).optional();
    }

    private static String where(String alias, ChargeQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.budgetId() != null) {
            where.append(alias).append(".budget_id = ?");
            params.add(query.budgetId());
        } else {
            where.append(alias.equals("h") ? "h.line_id = ?" : "e.line_id = ?");
            params.add(query.lineId());
        }
        if (query.from() != null) {
            where.append(" and ").append(alias).append(".created_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and ").append(alias).append(".created_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return where.toString();
    }

    private static PortalCharge charge(ResultSet rs, UUID patient) throws SQLException {
        String kind = rs.getString(14);
        long held = rs.getLong(7);
        long spent = rs.getLong(8);
        String reference = rs.getString(5);
        UUID id = rs.getObject(1, UUID.class);
        ChargeStatus status;
        if (!"HOLD".equals(kind)) {
            status = ChargeStatus.BILLED;
        } else if ("ACTIVE".equals(rs.getString(6))) {
            status = spent > 0 ? ChargeStatus.BILLABLE : ChargeStatus.PLANNED;
        } else {
            status = spent > 0 ? ChargeStatus.BILLED : ChargeStatus.ABORTED;
            held = 0;
        }
        return new PortalCharge(id, patient, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), reference == null ? id.toString() : reference, status, held, spent,
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11), null,
                rs.getString(12), rs.getString(13), rs.getObject(15, LocalDate.class));
    }

    /** The budget as the portal shows it, last changed at its latest re-plan or movement. */
    private static PortalBudget budget(BudgetView b) {
        return new PortalBudget(b.id(), b.clientId(), b.tenant(), b.planId(), b.clientGroup(), b.cohort(),
                b.periodStart(), b.periodEnd(), b.version(), b.lastChangedAt(), b.lines().stream()
                .map(l -> new PortalLine(l.id(), b.id(), l.code(), l.category(), l.allocatedCents(), l.heldCents(),
                        l.spentCents(), l.periodStart(), l.periodEnd(), l.channels(), l.serviceClasses(),
                        !l.channels().isEmpty()))
                .toList());
    }
}
