package fi.avain.routes.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The follow-up's tables and the message store as the tests read them. */
final class FollowUpTables {
    /** Anything shaped like an identity code, wherever it hides in a text. */
    private static final String FOLLOW_UP_FLOWS = "('cost-import', 'outcome-import', 'outcomes')";
    static final Pattern IDENTITY_CODE = Pattern.compile("\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y]");
    private static final List<String> TABLES = List.of("unmet_need", "outcome_measurement", "report_cost",
            "report_member", "message_key", "message_audit", "message");

    private final JdbcClient jdbc;

    FollowUpTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void empty() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The reasons of a flow's messages in ERROR, in line order. */
    List<String> errors(String flow) {
        return jdbc.sql("""
                        select m.reason from message m
                        left join message_key k on k.message_id = m.id and k.key_name = 'line'
                        where m.flow = ? and m.status = 'ERROR' order by cast(k.key_value as integer), m.received_at""")
                .param(flow).query(String.class).list();
    }

    /** How many of a flow's messages ended in each status. */
    long messages(String flow, String status) {
        return jdbc.sql("select count(*) from message where flow = ? and status = ?").params(flow, status)
                .query(Long.class).single();
    }

    /**
     * Every value of the follow-up's tables and of the message store's readable columns (keys, source ids,
     * reasons) that holds something shaped like an identity code: there must be none.
     */
    List<String> identityCodes() {
        List<String> found = new ArrayList<>();
        for (String table : List.of("report_member", "report_cost", "outcome_measurement", "unmet_need")) {
            scan(table, jdbc.sql("select * from " + table).query().listOfRows(), found);
        }
        // only the follow-up's messages: other tests in the same database store codes on purpose
        scan("message_key", jdbc.sql("select k.* from message_key k join message m on m.id = k.message_id where m.flow in "
                + FOLLOW_UP_FLOWS).query().listOfRows(), found);
        scan("message", jdbc.sql("select flow, source_id, tenant, reason from message where flow in "
                + FOLLOW_UP_FLOWS).query().listOfRows(), found);
        return found;
    }

    private static void scan(String table, List<Map<String, Object>> rows, List<String> found) {
        for (Map<String, Object> row : rows) {
            row.forEach((column, value) -> {
                if (value instanceof String text && IDENTITY_CODE.matcher(text).find()) {
                    found.add(table + "." + column);
                }
            });
        }
    }
}
