package fi.avain.routes.messages;

import fi.avain.routes.jdbc.CopyRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The message store's SQL: writes, status changes, reads by id, audit rows, retention deletes. */
@Component
class MessageQueries {
    /** Rows per JDBC batch and ids per {@code in (...)} list: large enough to amortise round trips, small for the driver. */
    static final int CHUNK = 1000;

    private static final String INSERT_MESSAGE = """
            insert into message (id, flow, source_id, tenant, received_at, updated_at, status, attempts,
                                 content_type, body_ciphertext, body_nonce, key_id, content_hash, body_encoding)
            values (?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?, ?, ?, ?, ?)
            """;
    private static final List<String> MESSAGE_COLUMNS = List.of("id", "flow", "source_id", "tenant", "received_at",
            "updated_at", "status", "attempts", "content_type", "body_ciphertext", "body_nonce", "key_id", "content_hash",
            "body_encoding");
    private static final String INSERT_SETTLED = """
            insert into message (id, flow, source_id, tenant, received_at, updated_at, status, attempts, reason,
                                 content_type, body_ciphertext, body_nonce, key_id, content_hash, body_encoding)
            values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_KEY = "insert into message_key (message_id, key_name, key_value) values (?, ?, ?)";
    private static final String SET_STATUS = """
            update message
               set status = :status, reason = :reason, attempts = attempts + 1, updated_at = :at
             where id in (:ids)
            """;
    private static final String COUNT_BY_FLOW = "select flow, count(*) as n from message where id in (:ids) group by flow";
    static final String SUMMARY_COLUMNS = """
            m.id, m.flow, m.source_id, m.tenant, m.status, m.attempts, m.reason, m.received_at, m.updated_at""";
    private static final String FIND = "select " + SUMMARY_COLUMNS + """
            , m.content_type, m.content_hash, m.key_id, m.body_nonce, m.body_ciphertext, m.body_encoding
              from message m
             where m.id = :id
            """;
    private static final String KEYS = "select message_id, key_name, key_value from message_key where message_id in (:ids)";
    private static final String DONE_BEFORE = """
            select count(*) from message
             where flow = :flow and source_id = :sourceId and content_hash = :contentHash
               and status in ('PROCESSED', 'DUPLICATE')
            """;
    private static final String INSERT_AUDIT = """
            insert into message_audit (id, message_id, action, actor, at, detail)
            values (:id, :messageId, :action, :actor, :at, :detail)
            """;

    private static final String PRUNABLE_FLOWS = """
            select distinct flow from message where status in ('PROCESSED', 'DUPLICATE')""";
    private static final String DELETE_DONE = """
            delete from message
             where id in (select id from message
                           where flow = :flow and status in ('PROCESSED', 'DUPLICATE') and received_at < :cutoff
                           limit :limit)
            """;

    record NewMessage(UUID id, InboundMessage message, SealedBody body, BodyEncoding encoding, String contentHash) {
    }

    record StoredRow(MessageSummary summary, String contentType, String contentHash, SealedBody body,
            BodyEncoding encoding) {
    }

    enum AuditAction { READ, REPLAY }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean copyRows;

    MessageQueries(JdbcClient jdbc, JdbcTemplate template) {
        this.copyRows = CopyRows.supportedBy(template.getDataSource());
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(List<NewMessage> rows, Instant at) {
        // One message (a webhook, a SOAP call) keeps its prepared INSERT; a batch of polled items is copied.
        if (copyRows && rows.size() > 1) {
            copy(rows, at);
            return;
        }
        OffsetDateTime time = utc(at);
        template.batchUpdate(INSERT_MESSAGE, rows, CHUNK, (ps, row) -> {
            InboundMessage m = row.message();
            ps.setObject(1, row.id());
            ps.setString(2, m.flow());
            ps.setString(3, m.sourceId());
            ps.setString(4, m.tenant());
            ps.setObject(5, time);
            ps.setObject(6, time);
            ps.setString(7, m.contentType());
            ps.setBytes(8, row.body().ciphertext());
            ps.setBytes(9, row.body().nonce());
            ps.setString(10, row.body().keyId());
            ps.setString(11, row.contentHash());
            ps.setString(12, row.encoding().column());
        });
        List<Object[]> keys = new ArrayList<>();
        rows.forEach(row -> row.message().keys().forEach((name, value) -> keys.add(new Object[] {row.id(), name, value})));
        template.batchUpdate(INSERT_KEY, keys, CHUNK, (ps, key) -> {
            ps.setObject(1, key[0]);
            ps.setString(2, (String) key[1]);
            ps.setString(3, (String) key[2]);
        });
    }

    /** As {@link #insert}, through PostgreSQL's binary COPY: batches of polled items are the bulk of the store's writes. */
    private void copy(List<NewMessage> rows, Instant at) {
        CopyRows messages = new CopyRows(template, "message", MESSAGE_COLUMNS);
        CopyRows keys = new CopyRows(template, "message_key", List.of("message_id", "key_name", "key_value"));
        for (NewMessage row : rows) {
            InboundMessage m = row.message();
            messages.row().uuid(row.id()).text(m.flow()).text(m.sourceId()).text(m.tenant()).timestamp(at).timestamp(at)
                    .text(MessageStatus.RECEIVED.name()).int4(0).text(m.contentType()).bytes(row.body().ciphertext())
                    .bytes(row.body().nonce()).text(row.body().keyId()).text(row.contentHash())
                    .text(row.encoding().column());
        }
        // Every message first: a key's foreign key needs its message, and rows are sent as they pile up.
        messages.finish();
        rows.forEach(row -> row.message().keys().forEach((name, value) -> keys.row().uuid(row.id()).text(name).text(value)));
        keys.finish();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from message where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Inserts one message already settled: received and processed (or failed) in the same transaction. */
    void insertSettled(NewMessage row, MessageStatus status, String reason, Instant at) {
        OffsetDateTime time = utc(at);
        InboundMessage m = row.message();
        jdbc.sql(INSERT_SETTLED)
                .params(row.id(), m.flow(), m.sourceId(), m.tenant(), time, time, status.name(), reason, m.contentType(),
                        row.body().ciphertext(), row.body().nonce(), row.body().keyId(), row.contentHash(),
                        row.encoding().column())
                .update();
        if (!m.keys().isEmpty()) {
            // one statement for all the keys: this insert sits on the card decision's critical path
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("insert into message_key (message_id, key_name, key_value) values ");
            m.keys().forEach((name, value) -> {
                sql.append(params.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
                params.add(row.id());
                params.add(name);
                params.add(value);
            });
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** Sets the status of the messages, counting an attempt; answers how many changed per flow. */
    Map<String, Integer> setStatus(Collection<UUID> ids, MessageStatus status, String reason, Instant at) {
        Map<String, Integer> changed = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql(SET_STATUS).param("status", status.name()).param("reason", reason)
                    .param("at", utc(at)).param("ids", chunk).update();
            jdbc.sql(COUNT_BY_FLOW).param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getString("flow"), rs.getInt("n"))).list()
                    .forEach(e -> changed.merge(e.getKey(), e.getValue(), Integer::sum));
        }
        return changed;
    }

    Optional<StoredRow> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(MessageQueries::storedRow).optional()
                .map(row -> new StoredRow(row.summary().withKeys(keysOf(List.of(id)).getOrDefault(id, Map.of())),
                        row.contentType(), row.contentHash(), row.body(), row.encoding()));
    }

    /** Business keys of the messages, by message id. */
    Map<UUID, Map<String, String>> keysOf(Collection<UUID> ids) {
        Map<UUID, Map<String, String>> keys = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql(KEYS).param("ids", chunk).query(rs -> {
                keys.computeIfAbsent(rs.getObject("message_id", UUID.class), id -> new LinkedHashMap<>())
                        .put(rs.getString("key_name"), rs.getString("key_value"));
            });
        }
        return keys;
    }

    boolean doneBefore(String flow, String sourceId, String contentHash) {
        return jdbc.sql(DONE_BEFORE).param("flow", flow).param("sourceId", sourceId)
                .param("contentHash", contentHash).query(Long.class).single() > 0;
    }

    void audit(UUID messageId, AuditAction action, String actor, String detail, Instant at) {
        jdbc.sql(INSERT_AUDIT).param("id", UUID.randomUUID()).param("messageId", messageId)
                .param("action", action.name()).param("actor", actor).param("at", utc(at))
                .param("detail", detail).update();
    }

    List<String> prunableFlows() {
        return jdbc.sql(PRUNABLE_FLOWS).query(String.class).list();
    }

    /** Deletes up to {@code limit} PROCESSED or DUPLICATE messages of the flow received before the cutoff; keys cascade. */
    int deleteDone(String flow, Instant cutoff, int limit) {
        return jdbc.sql(DELETE_DONE).param("flow", flow).param("cutoff", utc(cutoff)).param("limit", limit).update();
    }

    static MessageSummary summary(ResultSet rs) throws SQLException {
        return new MessageSummary(rs.getObject("id", UUID.class), rs.getString("flow"), rs.getString("source_id"),
                rs.getString("tenant"), MessageStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("reason"), instant(rs, "received_at"), instant(rs, "updated_at"), Map.of());
    }

    private static StoredRow storedRow(ResultSet rs, int rowNum) throws SQLException {
        return new StoredRow(summary(rs), rs.getString("content_type"), rs.getString("content_hash"),
                new SealedBody(rs.getString("key_id"), rs.getBytes("body_nonce"), rs.getBytes("body_ciphertext")),
                BodyEncoding.ofColumn(rs.getString("body_encoding")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }
}
