package fi.avain.budget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.budget.CarePlan;
import fi.avain.mappings.budget.Channel;
import fi.avain.mappings.budget.PlanLine;
import fi.avain.mappings.model.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Care plans into budgets. A new plan id makes a budget whose lines are allocated from the tenant's
 * funding account; the same plan id again is a re-plan: a new version, each line's allocation moved
 * up or down by a REPLAN movement, never below what is already held and spent. Runs in the caller's
 * transaction.
 */
public final class Plans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient db;
    private final Ledger ledger;
    private final ClientIdentities identities;

    public Plans(JdbcClient db, Ledger ledger, ClientIdentities identities) {
        this.db = db;
        this.ledger = ledger;
        this.identities = identities;
    }

    public PlanOutcome apply(CarePlan plan, UUID sourceMessageId) {
        UUID clientId = client(plan);
        String content = content(plan);
        String hash = sha256(content);
        Timestamp now = Timestamp.from(ledger.now());
        Optional<Map<String, Object>> existing = db.sql("""
                        select id, client_id, version from budget where tenant = ? and plan_id = ? for update""")
                .params(plan.tenant(), plan.planId()).query().listOfRows().stream().findFirst();
        if (existing.isEmpty()) {
            UUID budgetId = UUID.randomUUID();
            int inserted = db.sql("""
                            insert into budget (id, tenant, client_id, plan_id, client_group, cohort, period_start,
                                                period_end, version, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict do nothing""")
                    .params(budgetId, plan.tenant(), clientId, plan.planId(), plan.clientGroup(), plan.cohort().name(),
                            Date.valueOf(plan.period().start()), Date.valueOf(plan.period().end()), now, now)
                    .update();
            if (inserted == 0) {
                // a concurrent first version won: this one is its re-plan
                return apply(plan, sourceMessageId);
            }
            version(budgetId, 1, sourceMessageId, hash, content, now);
            List<Ledger.Leg> legs = new ArrayList<>();
            for (PlanLine line : plan.lines()) {
                UUID lineId = insertLine(budgetId, line, 1, now);
                if (line.allocated().cents() > 0) {
                    legs.add(new Ledger.Leg(lineId, Accounts.available(lineId), Accounts.funding(plan.tenant()),
                            line.allocated().cents()));
                }
            }
            ledger.book(budgetId, MovementKind.ALLOCATION, "plan:" + budgetId + ":1", sourceMessageId, null,
                    plan.planId(), legs);
            return new PlanOutcome(budgetId, clientId, 1, true, true);
        }
        UUID budgetId = (UUID) existing.get().get("id");
        int version = ((Number) existing.get().get("version")).intValue();
        if (!clientId.equals(existing.get().get("client_id"))) {
            throw new LedgerException("plan " + plan.planId() + " belongs to another client");
        }
        String currentHash = db.sql("select content_hash from budget_version where budget_id = ? and version = ?")
                .params(budgetId, version).query(String.class).single();
        if (currentHash.equals(hash)) {
            return new PlanOutcome(budgetId, clientId, version, false, false);
        }
        return replan(plan, budgetId, clientId, version + 1, sourceMessageId, hash, content, now);
    }

    private PlanOutcome replan(CarePlan plan, UUID budgetId, UUID clientId, int version, UUID sourceMessageId,
                               String hash, String content, Timestamp now) {
        Map<String, LineState> current = db.sql("select " + LineState.COLUMNS
                        + " from budget_line l where l.budget_id = ? order by l.id for update")
                .param(budgetId).query(LineState::read).list().stream()
                .collect(Collectors.toMap(LineState::code, l -> l, (a, b) -> a, LinkedHashMap::new));
        Map<String, PlanLine> wanted = plan.lines().stream()
                .collect(Collectors.toMap(PlanLine::code, l -> l, (a, b) -> a, LinkedHashMap::new));

        List<ReplanConflictException.Shortfall> shortfalls = new ArrayList<>();
        for (LineState line : current.values()) {
            PlanLine next = wanted.get(line.code());
            long allocated = next == null ? 0 : next.allocated().cents();
            long used = line.heldCents() + line.spentCents();
            if (allocated < used) {
                shortfalls.add(new ReplanConflictException.Shortfall(line.code(), allocated, used));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new ReplanConflictException(shortfalls);
        }

        db.sql("""
                        update budget set client_group = ?, cohort = ?, period_start = ?, period_end = ?, version = ?,
                               updated_at = ? where id = ?""")
                .params(plan.clientGroup(), plan.cohort().name(), Date.valueOf(plan.period().start()),
                        Date.valueOf(plan.period().end()), version, now, budgetId)
                .update();
        version(budgetId, version, sourceMessageId, hash, content, now);
        List<Ledger.Leg> legs = new ArrayList<>();
        String funding = Accounts.funding(plan.tenant());
        for (PlanLine next : wanted.values()) {
            LineState line = current.get(next.code());
            UUID lineId;
            long delta;
            if (line == null) {
                lineId = insertLine(budgetId, next, version, now);
                delta = next.allocated().cents();
            } else {
                lineId = line.id();
                updateRules(lineId, next, version, now);
                delta = next.allocated().cents() - line.allocatedCents();
            }
            addAllocationLeg(legs, lineId, funding, delta);
        }
        for (LineState line : current.values()) {
            if (!wanted.containsKey(line.code())) {
                // a line the new plan leaves out is closed: nothing more can be spent from it
                db.sql("update budget_line set channels = '', version = ?, updated_at = ? where id = ?")
                        .params(version, now, line.id()).update();
                lineVersion(line.id(), version, 0, "{\"closed\":true}");
                addAllocationLeg(legs, line.id(), funding, -line.allocatedCents());
            }
        }
        if (!legs.isEmpty()) {
            ledger.book(budgetId, MovementKind.REPLAN, "plan:" + budgetId + ":" + version, sourceMessageId, null,
                    plan.planId(), legs);
        }
        return new PlanOutcome(budgetId, clientId, version, false, true);
    }

    private static void addAllocationLeg(List<Ledger.Leg> legs, UUID lineId, String funding, long delta) {
        if (delta > 0) {
            legs.add(new Ledger.Leg(lineId, Accounts.available(lineId), funding, delta));
        } else if (delta < 0) {
            legs.add(new Ledger.Leg(lineId, funding, Accounts.available(lineId), -delta));
        }
    }

    private UUID client(CarePlan plan) {
        String pseudonym = identities.pseudonym(plan.client());
        Optional<UUID> found = findClient(plan.tenant(), pseudonym);
        if (found.isPresent()) {
            if (plan.homeMunicipality() != null) {
                db.sql("update client set home_municipality = ? where id = ?")
                        .params(plan.homeMunicipality().value(), found.get()).update();
            }
            return found.get();
        }
        ClientIdentities.Sealed sealed = identities.seal(plan.client());
        db.sql("""
                        insert into client (id, tenant, pseudonym, identity_sealed, identity_nonce, key_id,
                                            home_municipality, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(UUID.randomUUID(), plan.tenant(), pseudonym, sealed.ciphertext(), sealed.nonce(),
                        sealed.keyId(), plan.homeMunicipality() == null ? null : plan.homeMunicipality().value(),
                        Timestamp.from(ledger.now()))
                .update();
        return findClient(plan.tenant(), pseudonym).orElseThrow();
    }

    private Optional<UUID> findClient(String tenant, String pseudonym) {
        return db.sql("select id from client where tenant = ? and pseudonym = ?").params(tenant, pseudonym)
                .query(UUID.class).optional();
    }

    private UUID insertLine(UUID budgetId, PlanLine line, int version, Timestamp now) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into budget_line (id, budget_id, code, category, allocated_cents, held_cents, spent_cents,
                                                 period_start, period_end, service_classes, merchant_categories,
                                                 channels, per_transaction_limit_cents, per_day_limit_cents,
                                                 client_share_charged, version, created_at, updated_at)
                        values (?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, budgetId, line.code(), line.category(), Date.valueOf(line.period().start()),
                        Date.valueOf(line.period().end()), serviceClasses(line),
                        LineState.joined(line.merchantCategoryCodes()), channels(line), cents(line.perTransactionLimit()),
                        cents(line.perDayLimit()), line.clientShareCharged(), version, now, now)
                .update();
        lineVersion(id, version, line.allocated().cents(), rules(line).toString());
        return id;
    }

    private void updateRules(UUID lineId, PlanLine line, int version, Timestamp now) {
        db.sql("""
                        update budget_line set category = ?, period_start = ?, period_end = ?, service_classes = ?,
                               merchant_categories = ?, channels = ?, per_transaction_limit_cents = ?,
                               per_day_limit_cents = ?, client_share_charged = ?, version = ?, updated_at = ?
                        where id = ?""")
                .params(line.category(), Date.valueOf(line.period().start()), Date.valueOf(line.period().end()),
                        serviceClasses(line), LineState.joined(line.merchantCategoryCodes()), channels(line),
                        cents(line.perTransactionLimit()), cents(line.perDayLimit()), line.clientShareCharged(),
                        version, now, lineId)
                .update();
        lineVersion(lineId, version, line.allocated().cents(), rules(line).toString());
    }

    private void lineVersion(UUID lineId, int version, long allocated, String rules) {
        db.sql("insert into budget_line_version (line_id, version, allocated_cents, rules) values (?, ?, ?, ?)")
                .params(lineId, version, allocated, rules).update();
    }

    private void version(UUID budgetId, int version, UUID sourceMessageId, String hash, String content,
                         Timestamp now) {
        db.sql("""
                        insert into budget_version (budget_id, version, source_message_id, content_hash, plan, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(budgetId, version, sourceMessageId, hash, content, now).update();
    }

    /** The plan as stored with each version: everything but the identity code. */
    static String content(CarePlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("planId", plan.planId());
        root.put("tenant", plan.tenant());
        root.put("homeMunicipality", plan.homeMunicipality() == null ? null : plan.homeMunicipality().value());
        root.put("clientGroup", plan.clientGroup());
        root.put("cohort", plan.cohort().code());
        root.put("periodStart", plan.period().start().toString());
        root.put("periodEnd", plan.period().end().toString());
        ArrayNode lines = root.putArray("lines");
        plan.lines().forEach(line -> lines.add(rules(line)));
        return root.toString();
    }

    private static ObjectNode rules(PlanLine line) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", line.code());
        node.put("category", line.category());
        node.put("allocated", line.allocated().euros().toPlainString());
        node.put("periodStart", line.period().start().toString());
        node.put("periodEnd", line.period().end().toString());
        node.put("serviceClasses", serviceClasses(line));
        node.put("merchantCategoryCodes", LineState.joined(line.merchantCategoryCodes()));
        node.put("channels", channels(line));
        node.put("perTransactionLimit", line.perTransactionLimit() == null ? null
                : line.perTransactionLimit().euros().toPlainString());
        node.put("perDayLimit", line.perDayLimit() == null ? null : line.perDayLimit().euros().toPlainString());
        node.put("clientShareCharged", line.clientShareCharged());
        return node;
    }

    private static String serviceClasses(PlanLine line) {
        return LineState.joined(line.serviceClasses().stream().map(Object::toString).collect(Collectors.toSet()));
    }

    private static String channels(PlanLine line) {
        return LineState.joined(line.channels().stream().map(Channel::code).collect(Collectors.toSet()));
    }

    private static Long cents(Money money) {
        return money == null ? null : money.cents();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
