package fi.avain.routes.reports;

import fi.avain.budget.ClientIdentities;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost report's SQL. The ledger's entries are summed in the database, grouped by client, line,
 * channel and month, and come back as a stream ordered by the client's place in the report, so memory
 * holds one client at a time whatever the size of the ledger. Clients are matched to their place
 * through a temporary table that lives only as long as the report's transaction: the database never
 * keeps which ledger client has which reporting pseudonym.
 */
final class CostReportQueries {
    /** Rows fetched per round trip; PostgreSQL streams only with a fetch size, inside a transaction. */
    private static final int FETCH_SIZE = 2000;
    private static final int INSERT_BATCH = 1000;
    private static final String WORK_MEM = "64MB";

    private final JdbcTemplate jdbc;

    CostReportQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** An HB client with a budget in force some time in the window, and that latest budget's group and cohort. */
    record LedgerClient(UUID clientId, String tenant, ClientIdentities.Sealed identity, String clientGroup,
                        String cohort) {
    }

    record Member(String tenant, String pseudonym, String clientGroup, String cohort) {
    }

    /** A line's movements of one channel in one month (bucket 12: after the period). */
    record LedgerRow(int ord, UUID lineId, String serviceClasses, String channel, int bucket, long available,
                     long held, long spent, long events) {
    }

    /** A line in force in the period's month and its balances when the report is made. */
    record LineRow(int ord, UUID lineId, String category, long allocated, long held, long spent) {
    }

    record ShareRow(int ord, String serviceClasses, int bucket, long cents) {
    }

    record ImportedRow(int ord, String serviceClass, LocalDate month, long cents, BigDecimal staffHours,
                       BigDecimal assistantHours) {
    }

    record OutcomeRow(int ord, String instrument, LocalDate measuredOn, BigDecimal score) {
    }

    void ledgerClients(ReportPeriod period, Consumer<LedgerClient> each) {
        UUID[] previous = new UUID[1];
        jdbc.query("""
                        select c.id, c.tenant, c.identity_sealed, c.identity_nonce, c.key_id, b.client_group, b.cohort
                        from client c join budget b on b.client_id = c.id
                        where b.period_start <= ? and b.period_end >= ?
                        order by c.id, b.period_start desc, b.version desc, b.id""",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!id.equals(previous[0])) {
                        previous[0] = id;
                        each.accept(new LedgerClient(id, rs.getString(2), new ClientIdentities.Sealed(rs.getBytes(3),
                                rs.getBytes(4), rs.getString(5)), rs.getString(6), rs.getString(7)));
                    }
                }, Date.valueOf(period.lastDay()), Date.valueOf(period.firstDay()));
    }

    /** The followed clients who had joined by the period's end. */
    void members(ReportPeriod period, Consumer<Member> each) {
        jdbc.query("""
                        select tenant, pseudonym, client_group, cohort from report_member
                        where start_date is null or start_date <= ?""",
                rs -> {
                    each.accept(new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }, Date.valueOf(period.lastDay()));
    }

    /** Pseudonyms with costs in the window or outcomes by its end: (tenant, pseudonym) pairs. */
    void reportedPseudonyms(ReportPeriod period, Consumer<String[]> each) {
        jdbc.query("""
                        select tenant, pseudonym from report_cost where period_month >= ? and period_month <= ?
                        union
                        select tenant, pseudonym from outcome_measurement where measured_on <= ?""",
                rs -> {
                    each.accept(new String[] {rs.getString(1), rs.getString(2)});
                }, Date.valueOf(period.firstDay()), Date.valueOf(period.lastDay()), Date.valueOf(period.lastDay()));
    }

    /** Per tenant, per instrument: how many clients were measured on it by the period's end. */
    Map<String, Map<String, Long>> measuredInstruments(ReportPeriod period) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.query("""
                        select tenant, instrument, count(distinct pseudonym) from outcome_measurement
                        where measured_on <= ? group by tenant, instrument""",
                rs -> {
                    out.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, Date.valueOf(period.lastDay()));
        return out;
    }

    /**
     * The report's clients by place (ord = index in the list), in a temporary table dropped when the
     * transaction ends. On H2 the statement commits what came before it, which here is nothing.
     */
    void placeClients(List<ReportClient> clients) {
        jdbc.execute("""
                create local temporary table report_client (
                    ord       integer not null,
                    tenant    text    not null,
                    pseudonym text    not null,
                    client_id uuid,
                    constraint report_client_pk primary key (ord)
                ) on commit drop""");
        List<Object[]> batch = new ArrayList<>(INSERT_BATCH);
        for (int i = 0; i < clients.size(); i++) {
            ReportClient c = clients.get(i);
            batch.add(new Object[] {i, c.tenant(), c.pseudonym(), c.clientId()});
            if (batch.size() == INSERT_BATCH || i == clients.size() - 1) {
                jdbc.batchUpdate("insert into report_client (ord, tenant, pseudonym, client_id) values (?, ?, ?, ?)",
                        batch);
                batch.clear();
            }
        }
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
        if (postgres) {
            // a temporary table has no statistics until analysed, and the planner would guess its size
            jdbc.execute("analyze report_client");
            // the ledger's movements are hashed and its entries sorted once per report: with the default 4 MB
            // six million movements spill in 64 batches, with 64 MB in 4; this transaction's setting only
            jdbc.execute("set local work_mem = '" + WORK_MEM + "'");
        }
    }

    /**
     * The lines' entries from the window's start on, summed per client, line, channel and month (bucket
     * 12: after the period, which the balances need); the amounts are what moved into (positive) or out
     * of (negative) the line's available, held and spent accounts, and the events are the movements.
     * Movements without a channel are the plan's (allocations) or an operator's corrections.
     *
     * <p>Cost: one pass over the window's entries, hash-joined to their movements, sorted once. The
     * movements are counted by numbering each movement's legs on a line in that same sort order rather
     * than by COUNT(DISTINCT), which would sort again; the clients and lines join only the summed rows.
     */
    Stream<LedgerRow> ledger(ReportPeriod period) {
        List<Object> params = new ArrayList<>();
        for (int i = 1; i <= ReportPeriod.MONTHS; i++) {
            params.add(Timestamp.from(period.boundary(i)));
        }
        params.add(Timestamp.from(period.boundary(0)));
        return jdbc.queryForStream("""
                        select c.ord, a.line_id, l.service_classes, a.channel, a.bucket, a.available, a.held, a.spent,
                               a.events
                        from (
                            select y.line_id, y.channel, y.bucket, sum(y.available) as available, sum(y.held) as held,
                                   sum(y.spent) as spent, count(case when y.leg = 1 then 1 end) as events
                            from (
                                select x.line_id, x.channel, x.bucket, x.available, x.held, x.spent,
                                       row_number() over (partition by x.line_id, x.channel, x.bucket, x.movement_id)
                                           as leg
                                from (
                                    select le.line_id, le.movement_id,
                                           coalesce(m.channel, case when m.kind in ('ALLOCATION', 'REPLAN') then 'plan'
                                               when m.kind = 'CORRECTION' then 'correction' else 'other' end) as channel,
                                           %s as bucket,
                                           case when le.debit_account like '%%:available' then le.amount_cents
                                                when le.credit_account like '%%:available' then -le.amount_cents
                                                else 0 end as available,
                                           case when le.debit_account like '%%:held' then le.amount_cents
                                                when le.credit_account like '%%:held' then -le.amount_cents
                                                else 0 end as held,
                                           case when le.debit_account like '%%:spent' then le.amount_cents
                                                when le.credit_account like '%%:spent' then -le.amount_cents
                                                else 0 end as spent
                                    from ledger_entry le
                                    join ledger_movement m on m.id = le.movement_id
                                    where le.created_at >= ? and le.line_id is not null
                                ) x
                            ) y
                            group by y.line_id, y.channel, y.bucket
                        ) a
                        join budget_line l on l.id = a.line_id
                        join budget b on b.id = l.budget_id
                        join report_client c on c.client_id = b.client_id
                        order by c.ord""".formatted(bucketCase("le.created_at")),
                (rs, n) -> new LedgerRow(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                params.toArray());
    }

    /** The clients' lines in force some time in the period's month, with their balances now. */
    Stream<LineRow> lines(ReportPeriod period) {
        return jdbc.queryForStream("""
                        select c.ord, l.id, l.category, l.allocated_cents, l.held_cents, l.spent_cents
                        from report_client c
                        join budget b on b.client_id = c.client_id
                        join budget_line l on l.budget_id = b.id
                        where l.period_start <= ? and l.period_end >= ?
                        order by c.ord""",
                (rs, n) -> new LineRow(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)),
                Date.valueOf(period.lastDay()), Date.valueOf(period.month().atDay(1)));
    }

    /** The clients' own shares of voucher services given in the window, by the service's month. */
    Stream<ShareRow> shares(ReportPeriod period) {
        List<Object> params = new ArrayList<>();
        for (int i = 1; i <= ReportPeriod.MONTHS; i++) {
            params.add(Date.valueOf(period.firstMonth().plusMonths(i).atDay(1)));
        }
        params.add(Date.valueOf(period.firstDay()));
        params.add(Date.valueOf(period.lastDay()));
        return jdbc.queryForStream("""
                        select s.ord, s.service_classes, s.bucket, sum(s.client_share_cents)
                        from (
                            select c.ord, l.service_classes, %s as bucket, ve.client_share_cents
                            from report_client c
                            join budget b on b.client_id = c.client_id
                            join budget_line l on l.budget_id = b.id
                            join voucher v on v.line_id = l.id
                            join voucher_event ve on ve.voucher_id = v.id
                            where ve.status = 'APPLIED' and ve.service_date >= ? and ve.service_date <= ?
                        ) s
                        group by s.ord, s.service_classes, s.bucket
                        order by s.ord""".formatted(bucketCase("ve.service_date")),
                (rs, n) -> new ShareRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4)),
                params.toArray());
    }

    /** Costs and hours imported from outside the ledger, for the window's months. */
    Stream<ImportedRow> imported(ReportPeriod period) {
        return jdbc.queryForStream("""
                        select c.ord, rc.service_class, rc.period_month, sum(rc.cost_cents), sum(rc.staff_hours),
                               sum(rc.assistant_hours)
                        from report_client c
                        join report_cost rc on rc.tenant = c.tenant and rc.pseudonym = c.pseudonym
                        where rc.period_month >= ? and rc.period_month <= ?
                        group by c.ord, rc.service_class, rc.period_month
                        order by c.ord""",
                (rs, n) -> new ImportedRow(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)),
                Date.valueOf(period.firstDay()), Date.valueOf(period.lastDay()));
    }

    /** Every measurement up to the period's end, oldest first per client and instrument. */
    Stream<OutcomeRow> outcomes(ReportPeriod period) {
        return jdbc.queryForStream("""
                        select c.ord, om.instrument, om.measured_on, om.score
                        from report_client c
                        join outcome_measurement om on om.tenant = c.tenant and om.pseudonym = c.pseudonym
                        where om.measured_on <= ?
                        order by c.ord, om.instrument, om.measured_on""",
                (rs, n) -> new OutcomeRow(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4)),
                Date.valueOf(period.lastDay()));
    }

    /** The month's index in the window, 12 after it; its parameters are where months 1 to 12 start. */
    private static String bucketCase(String column) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < ReportPeriod.MONTHS; i++) {
            sql.append(" when ").append(column).append(" < ? then ").append(i);
        }
        return sql.append(" else ").append(ReportPeriod.MONTHS).append(" end").toString();
    }

    static String firstWord(String words) {
        if (words == null || words.isBlank()) {
            return null;
        }
        String trimmed = words.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
