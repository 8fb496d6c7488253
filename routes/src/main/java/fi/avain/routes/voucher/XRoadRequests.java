package fi.avain.routes.voucher;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import fi.avain.routes.messages.RetainedWithFlow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers given to X-Road requests, by client and message id, so a repeat gets the same one. */
@Repository
class XRoadRequests implements RetainedWithFlow {
    private final JdbcClient db;

    XRoadRequests(JdbcClient db) {
        this.db = db;
    }

    /** What was answered. */
    record Answer(String operation, String requestHash, UUID messageId, String response) {
    }

    /**
     * Claims the key for this request in the caller's transaction, which stores the answer under it;
     * false when an answer is already stored (a concurrent claim waits here until the first one commits
     * or rolls back).
     */
    boolean claim(String key, String operation, String requestHash, UUID messageId, Instant now) {
        return db.sql("""
                        insert into xroad_request (replay_key, operation, request_hash, message_id, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(key, operation, requestHash, messageId, Timestamp.from(now)).update() == 1;
    }

    void answered(String key, String response) {
        db.sql("update xroad_request set response = ? where replay_key = ?").params(response, key).update();
    }

    Optional<Answer> find(String key) {
        return db.sql("""
                        select operation, request_hash, message_id, response from xroad_request where replay_key = ?""")
                .param(key)
                .query((rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .optional();
    }

    @Override
    public String flow() {
        return VoucherEvents.FLOW;
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return db.sql("delete from xroad_request where created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
