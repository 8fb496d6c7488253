package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The follow-up's rows as the imports and the outcomes and unmet-needs endpoints write them. */
@Component
class ReportImportQueries {
    private final JdbcClient jdbc;

    ReportImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Member(String clientGroup, String cohort, LocalDate startDate) {
    }

    record Cost(UUID id, long costCents, BigDecimal staffHours, BigDecimal assistantHours) {
        boolean same(long cents, BigDecimal staff, BigDecimal assistant) {
            return costCents == cents && sameHours(staffHours, staff) && sameHours(assistantHours, assistant);
        }
    }

    record Measurement(UUID id, String scores, BigDecimal score, String goal) {
        boolean same(String otherScores, String otherGoal) {
            return scores.equals(otherScores) && Objects.equals(goal, otherGoal);
        }
    }

    /** Locks the member's row, if there is one, until the transaction ends. */
    Optional<Member> member(String tenant, String pseudonym) {
        return jdbc.sql("""
                        select client_group, cohort, start_date from report_member
                        where tenant = ? and pseudonym = ? for update""")
                .params(tenant, pseudonym)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .optional();
    }

    void insertMember(String tenant, String pseudonym, String clientGroup, String cohort, LocalDate start,
                      String source, Instant at) {
        jdbc.sql("""
                        insert into report_member (tenant, pseudonym, client_group, cohort, start_date, source,
                                                   created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, pseudonym, clientGroup, cohort, start, source, utc(at), utc(at))
                .update();
    }

    void startMemberEarlier(String tenant, String pseudonym, LocalDate start, Instant at) {
        jdbc.sql("update report_member set start_date = ?, updated_at = ? where tenant = ? and pseudonym = ?")
                .params(start, utc(at), tenant, pseudonym)
                .update();
    }

    Optional<Cost> cost(String tenant, String pseudonym, String serviceClass, LocalDate month, String source) {
        return jdbc.sql("""
                        select id, cost_cents, staff_hours, assistant_hours from report_cost
                        where tenant = ? and pseudonym = ? and service_class = ? and period_month = ? and source = ?
                        for update""")
                .params(tenant, pseudonym, serviceClass, month, source)
                .query((rs, n) -> new Cost(rs.getObject(1, UUID.class), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .optional();
    }

    void insertCost(String tenant, String pseudonym, String serviceClass, LocalDate month, long cents, String source,
                    BigDecimal staffHours, BigDecimal assistantHours, UUID messageId, int lineNo, Instant at) {
        jdbc.sql("""
                        insert into report_cost (id, tenant, pseudonym, service_class, period_month, cost_cents, source,
                                                 staff_hours, assistant_hours, message_id, line_no, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenant, pseudonym, serviceClass, month, cents, source, staffHours,
                        assistantHours, messageId, lineNo, utc(at))
                .update();
    }

    void updateCost(UUID id, long cents, BigDecimal staffHours, BigDecimal assistantHours, UUID messageId, int lineNo) {
        jdbc.sql("""
                        update report_cost set cost_cents = ?, staff_hours = ?, assistant_hours = ?, message_id = ?,
                                               line_no = ?
                        where id = ?""")
                .params(cents, staffHours, assistantHours, messageId, lineNo, id)
                .update();
    }

    Optional<Measurement> measurement(String tenant, String pseudonym, String instrument, LocalDate on) {
        return jdbc.sql("""
                        select id, scores, score, goal from outcome_measurement
                        where tenant = ? and pseudonym = ? and instrument = ? and measured_on = ? for update""")
                .params(tenant, pseudonym, instrument, on)
                .query((rs, n) -> new Measurement(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4)))
                .optional();
    }

    UUID insertMeasurement(String tenant, String pseudonym, String instrument, LocalDate on, String scores,
                           BigDecimal score, String goal, UUID messageId, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outcome_measurement (id, tenant, pseudonym, instrument, measured_on, scores, score,
                                                         goal, message_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, pseudonym, instrument, on, scores, score, goal, messageId, utc(at))
                .update();
        return id;
    }

    void updateMeasurement(UUID id, String scores, BigDecimal score, String goal, UUID messageId) {
        jdbc.sql("update outcome_measurement set scores = ?, score = ?, goal = ?, message_id = ? where id = ?")
                .params(scores, score, goal, messageId, id)
                .update();
    }

    /** What the unmet-needs endpoint needs of a budget: its tenant, its client's sealed code and home. */
    record BudgetClient(String tenant, byte[] sealed, byte[] nonce, String keyId, String homeMunicipality) {
    }

    Optional<BudgetClient> budgetClient(UUID budgetId) {
        return jdbc.sql("""
                        select b.tenant, c.identity_sealed, c.identity_nonce, c.key_id, c.home_municipality
                        from budget b join client c on c.id = b.client_id where b.id = ?""")
                .param(budgetId)
                .query((rs, n) -> new BudgetClient(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    void insertUnmetNeed(UUID id, String tenant, UUID budgetId, String pseudonym, String serviceClass,
                         String municipality, String note, String markedBy, Instant at) {
        jdbc.sql("""
                        insert into unmet_need (id, tenant, budget_id, pseudonym, service_class, municipality, note,
                                                marked_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, budgetId, pseudonym, serviceClass, municipality, note, markedBy, utc(at))
                .update();
    }

    private static boolean sameHours(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
