package fi.avain.budget;

import fi.avain.mappings.budget.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads budgets, their lines and their entries. */
public final class Budgets {
    private final JdbcClient db;
    private final ClientIdentities identities;

    public Budgets(JdbcClient db, ClientIdentities identities) {
        this.db = db;
        this.identities = identities;
    }

    public Optional<BudgetView> find(UUID budgetId) {
        return db.sql("""
                        select id, tenant, plan_id, client_id, client_group, cohort, period_start, period_end, version,
                               created_at, updated_at,
                               coalesce((select max(l.updated_at) from budget_line l where l.budget_id = b.id),
                                        updated_at)
                        from budget b where id = ?""")
                .param(budgetId)
                .query((rs, n) -> {
                    Instant updated = rs.getTimestamp(11).toInstant();
                    Instant linesChanged = rs.getTimestamp(12).toInstant();
                    return new BudgetView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6).toLowerCase(java.util.Locale.ROOT),
                            rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getInt(9),
                            rs.getTimestamp(10).toInstant(), updated,
                            linesChanged.isAfter(updated) ? linesChanged : updated, List.of());
                })
                .optional()
                .map(b -> new BudgetView(b.id(), b.tenant(), b.planId(), b.clientId(), b.clientGroup(), b.cohort(),
                        b.periodStart(), b.periodEnd(), b.version(), b.createdAt(), b.updatedAt(), b.lastChangedAt(),
                        lines(b.id())));
    }

    public List<BudgetView.Line> lines(UUID budgetId) {
        return db.sql("select " + LineState.COLUMNS + " from budget_line l where l.budget_id = ? order by l.code")
                .param(budgetId).query(LineState::read).list().stream()
                .map(l -> new BudgetView.Line(l.id(), l.code(), l.category(), l.allocatedCents(), l.heldCents(),
                        l.spentCents(), l.availableCents(), l.period().start(), l.period().end(),
                        l.serviceClasses().stream().sorted().toList(), l.merchantCategories().stream().sorted().toList(),
                        l.channels().stream().map(Channel::code).sorted().toList(), l.perTransactionLimitCents(),
                        l.perDayLimitCents(), l.clientShareCharged(), l.version()))
                .toList();
    }

    /** Budgets of one client (by the ledger's client id), newest period first. */
    public List<BudgetView> ofClient(UUID clientId) {
        return db.sql("select id from budget where client_id = ? order by period_start desc, created_at desc")
                .param(clientId).query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /** The client a budget belongs to, without reading its lines. */
    public Optional<UUID> clientOfBudget(UUID budgetId) {
        return db.sql("select client_id from budget where id = ?").param(budgetId).query(UUID.class).optional();
    }

    /** The ledger's client id for an identity code within a tenant. */
    public Optional<UUID> clientOf(String tenant, fi.avain.mappings.model.Hetu hetu) {
        return db.sql("select id from client where tenant = ? and pseudonym = ?")
                .params(tenant, identities.pseudonym(hetu)).query(UUID.class).optional();
    }

    /** Client ids for an identity code in every tenant (an operator's search across tenants). */
    public List<UUID> clientsOf(fi.avain.mappings.model.Hetu hetu) {
        return db.sql("select id from client where pseudonym = ? order by created_at")
                .param(identities.pseudonym(hetu)).query(UUID.class).list();
    }

    /** A page of entries, oldest first. */
    public List<EntryView> entries(UUID budgetId, int offset, int limit) {
        return db.sql("""
                        select e.id, e.movement_id, m.kind, m.channel, m.reference, e.line_id, e.debit_account,
                               e.credit_account, e.amount_cents, m.source_message_id, e.created_at
                        from ledger_entry e join ledger_movement m on m.id = e.movement_id
                        where e.budget_id = ? order by e.id limit ? offset ?""")
                .params(budgetId, limit, offset)
                .query((rs, n) -> new EntryView(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getString(8), rs.getLong(9), rs.getObject(10, UUID.class), rs.getTimestamp(11).toInstant()))
                .list();
    }

    public long entryCount(UUID budgetId) {
        return db.sql("select count(*) from ledger_entry where budget_id = ?").param(budgetId).query(Long.class)
                .single();
    }
}
