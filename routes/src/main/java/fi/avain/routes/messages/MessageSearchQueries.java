package fi.avain.routes.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Operators' searches. The where clause is assembled from fixed conditions, one per filter given;
 * values are always bound, never pasted.
 */
@Component
class MessageSearchQueries {
    private static final String KEY_MATCHES = """
            exists (select 1 from message_key k where k.message_id = m.id and k.key_value = :key)""";

    record Found(List<MessageSummary> items, long totalItems) {
    }

    record Candidate(UUID id, String flow, MessageStatus status) {
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private final JdbcClient jdbc;
    private final MessageQueries queries;

    MessageSearchQueries(JdbcClient jdbc, MessageQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** One page, newest first, with each message's business keys. */
    Found search(MessageFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from message m " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<MessageSummary> items = jdbc.sql("select " + MessageQueries.SUMMARY_COLUMNS + " from message m "
                        + where.sql() + " order by m.received_at desc, m.id limit :limit offset :offset")
                .params(where.params()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> MessageQueries.summary(rs)).list();
        Map<UUID, Map<String, String>> keys = queries.keysOf(items.stream().map(MessageSummary::id).toList());
        return new Found(items.stream().map(s -> s.withKeys(keys.getOrDefault(s.id(), Map.of()))).toList(), total);
    }

    /** At most {@code limit} matching messages, oldest first: the order a bulk replay works through. */
    List<Candidate> candidates(MessageFilter filter, int limit) {
        Where where = where(filter);
        return jdbc.sql("select m.id, m.flow, m.status from message m " + where.sql()
                        + " order by m.received_at, m.id limit :limit")
                .params(where.params()).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("flow"),
                        MessageStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private static Where where(MessageFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(conditions, params, "m.flow = :flow", "flow", filter.flow());
        add(conditions, params, "m.status = :status", "status", filter.status() == null ? null : filter.status().name());
        add(conditions, params, "m.received_at >= :from", "from", MessageQueries.utc(filter.from()));
        add(conditions, params, "m.received_at < :to", "to", MessageQueries.utc(filter.to()));
        add(conditions, params, KEY_MATCHES, "key", filter.key());
        return new Where(conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions), params);
    }

    private static void add(List<String> conditions, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }
}
