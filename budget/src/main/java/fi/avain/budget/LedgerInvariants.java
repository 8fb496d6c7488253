package fi.avain.budget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ledger keeps true, in one place, with a check for each that tests and operators run.
 *
 * <ol>
 *   <li><b>No line below zero.</b> For every line, held ≥ 0, spent ≥ 0 and held + spent ≤ allocated, so
 *       available = allocated − held − spent is never negative. Decisions check it under the line's row
 *       lock; the table's check constraints refuse any write that would break it.</li>
 *   <li><b>Balances are the sums of entries.</b> Every movement is double entry (each entry debits one
 *       account and credits another by a positive amount, so all balances together sum to zero), and a
 *       line's held, spent and available equal the balances of its three accounts.</li>
 *   <li><b>Holds add up.</b> A line's held amount is the sum of what its active holds still hold.</li>
 *   <li><b>One effect per source.</b> A movement's idempotency key is unique (the sender's id for the
 *       effect), and no source message causes more than one movement.</li>
 *   <li><b>Vouchers and declarations are their holds.</b> A voucher's remaining balance is what its hold
 *       still holds, and the hold is active exactly while something remains; a pending declaration's hold
 *       holds its amount and the client's share held with it, a decided one's nothing.</li>
 * </ol>
 */
public final class LedgerInvariants {
    private final JdbcClient db;

    public LedgerInvariants(JdbcClient db) {
        this.db = db;
    }

    /** Every broken invariant, described; empty when the ledger is sound. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        db.sql("""
                        select id, code from budget_line
                        where held_cents < 0 or spent_cents < 0 or held_cents + spent_cents > allocated_cents""")
                .query((rs, n) -> "line " + rs.getString(2) + " (" + rs.getString(1) + ") is below zero")
                .list().forEach(out::add);

        Map<String, Long> balances = new HashMap<>();
        db.sql("""
                        select account, sum(delta) from (
                            select debit_account as account, amount_cents as delta from ledger_entry
                            union all
                            select credit_account, -amount_cents from ledger_entry) movements
                        group by account""")
                .query(rs -> {
                    balances.put(rs.getString(1), rs.getLong(2));
                });
        long total = balances.values().stream().mapToLong(Long::longValue).sum();
        if (total != 0) {
            out.add("all balances together sum to " + total + " cents, not zero");
        }
        db.sql("select id, code, allocated_cents, held_cents, spent_cents from budget_line").query(rs -> {
            UUID line = rs.getObject(1, UUID.class);
            String code = rs.getString(2);
            long allocated = rs.getLong(3);
            long held = rs.getLong(4);
            long spent = rs.getLong(5);
            compare(out, code, "held", held, balances.getOrDefault(Accounts.held(line), 0L));
            compare(out, code, "spent", spent, balances.getOrDefault(Accounts.spent(line), 0L));
            compare(out, code, "available", allocated - held - spent,
                    balances.getOrDefault(Accounts.available(line), 0L));
        });

        db.sql("""
                        select l.code, l.held_cents, coalesce(sum(h.remaining_cents), 0)
                        from budget_line l left join ledger_hold h on h.line_id = l.id and h.status = 'ACTIVE'
                        group by l.id, l.code, l.held_cents having l.held_cents <> coalesce(sum(h.remaining_cents), 0)""")
                .query((rs, n) -> "line " + rs.getString(1) + " holds " + rs.getLong(2) + " cents but its active holds "
                        + rs.getLong(3))
                .list().forEach(out::add);

        db.sql("""
                        select source_message_id, count(*) from ledger_movement where source_message_id is not null
                        group by source_message_id having count(*) > 1""")
                .query((rs, n) -> "message " + rs.getString(1) + " caused " + rs.getLong(2) + " movements")
                .list().forEach(out::add);

        db.sql("""
                        select v.id, v.remaining_cents, h.remaining_cents, h.status
                        from voucher v left join ledger_hold h on h.id = v.hold_id
                        where h.id is null or h.remaining_cents <> v.remaining_cents
                           or (h.status = 'ACTIVE' and v.remaining_cents = 0)
                           or (h.status <> 'ACTIVE' and v.remaining_cents > 0)""")
                .query((rs, n) -> "voucher " + rs.getString(1) + " has " + rs.getLong(2) + " cents remaining but its hold "
                        + (rs.getString(4) == null ? "is missing" : "is " + rs.getString(4) + " with " + rs.getLong(3)))
                .list().forEach(out::add);
        db.sql("""
                        select d.id, d.status, h.remaining_cents
                        from declaration d left join ledger_hold h on h.id = d.hold_id
                        where h.id is null
                           or (d.status = 'PENDING' and (h.status <> 'ACTIVE'
                               or h.remaining_cents <> d.amount_cents + d.client_share_cents))
                           or (d.status <> 'PENDING' and h.remaining_cents <> 0)""")
                .query((rs, n) -> "declaration " + rs.getString(1) + " is " + rs.getString(2)
                        + (rs.getObject(3) == null ? " but has no hold" : " but its hold holds " + rs.getLong(3) + " cents"))
                .list().forEach(out::add);
        return out;
    }

    private static void compare(List<String> out, String code, String what, long stored, long fromEntries) {
        if (stored != fromEntries) {
            out.add("line " + code + " " + what + " is " + stored + " cents but its entries sum to " + fromEntries);
        }
    }
}
