package fi.avain.routes.audit;

import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.mappings.model.Hetu;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen portal's audit: who read or changed which client's data, acting for whom, and why; the
 * REST API's reads of a client's data are recorded here too ({@link ApiAuditing}).
 *
 * <p>Fail closed: {@link #record} returns only once the event is committed, in a short transaction
 * of its own (so it stays even when the caller's work rolls back). When it cannot be written it
 * throws, and the caller must not return the data the event was to record: record first, answer after.
 */
@Component
public class PortalAudit {
    static final Set<String> ROLES = Set.of("citizen", "representative", "operator", "integrator");
    static final Set<String> ACTIONS = Set.of("read", "search", "create", "update", "approve", "reject");
    /** FHIR AuditEvent.outcome: success, minor, serious and major failure. */
    static final Set<String> OUTCOMES = Set.of("0", "4", "8", "12");
    /** Rows per delete statement, so pruning a large backlog holds no huge transaction. */
    static final int DELETE_CHUNK = 10_000;

    private static final String COLUMNS =
            "id, at, actor_role, actor, patient_id, tenant, action, resources, purpose_of_use, outcome";

    /** One page of a search, newest first, and how many events match in all. */
    public record Found(List<AuditRecord> items, long totalItems) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public PortalAudit(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setTimeout(5);
    }

    /**
     * Writes the event and commits it before returning.
     *
     * @throws IllegalArgumentException when the record breaks the audit's rules (an unknown role, action
     *         or outcome, a reference with white space, an identity code as the actor); nothing is written
     * @throws AuditUnavailableException when the database did not take it
     */
    public void record(AuditRecord record) {
        check(record);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into audit_event (" + COLUMNS + ") "
                            + "values (:id, :at, :role, :actor, :patient, :tenant, :action, :resources, :purpose, :outcome)")
                    .param("id", record.id())
                    .param("at", utc(record.at()))
                    .param("role", record.actorRole())
                    .param("actor", record.actor())
                    .param("patient", record.patientId())
                    .param("tenant", record.tenant())
                    .param("action", record.action())
                    .param("resources", String.join(" ", record.resources()))
                    .param("purpose", record.purposeOfUse())
                    .param("outcome", record.outcome())
                    .update());
        } catch (DataAccessException | TransactionException e) {
            throw new AuditUnavailableException(e);
        }
    }

    /**
     * Events newest first; every filter is optional.
     *
     * @param from inclusive
     * @param to exclusive
     */
    public Found search(UUID patientId, Instant from, Instant to, String actor, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(conditions, params, "patient_id = :patient", "patient", patientId);
        add(conditions, params, "at >= :from", "from", utc(from));
        add(conditions, params, "at < :to", "to", utc(to));
        add(conditions, params, "actor = :actor", "actor", actor);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<AuditRecord> items = jdbc.sql("select " + COLUMNS + " from audit_event" + where
                        + " order by at desc, id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", (long) offset)
                .query(PortalAudit::row).list();
        return new Found(items, total);
    }

    public Optional<AuditRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where id = :id").param("id", id)
                .query(PortalAudit::row).optional();
    }

    /** Deletes events older than the cutoff, in chunks; answers how many went. */
    int pruneBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from audit_event where id in "
                            + "(select id from audit_event where at < :cutoff limit :limit)")
                    .param("cutoff", utc(cutoff)).param("limit", DELETE_CHUNK).update();
            total += deleted;
        } while (deleted == DELETE_CHUNK);
        return total;
    }

    private static void check(AuditRecord record) {
        if (!ROLES.contains(record.actorRole())) {
            throw new IllegalArgumentException("actorRole must be one of " + ROLES);
        }
        if (!ACTIONS.contains(record.action())) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS);
        }
        if (!OUTCOMES.contains(record.outcome())) {
            throw new IllegalArgumentException("outcome must be one of " + OUTCOMES);
        }
        if (record.actor().isBlank() || Hetu.isValid(record.actor())) {
            throw new IllegalArgumentException("actor must be the token's subject or the API key's name, "
                    + "never blank and never an identity code");
        }
        if (record.tenant().isBlank() || record.purposeOfUse().isBlank()) {
            throw new IllegalArgumentException("tenant and purposeOfUse must not be blank");
        }
        for (String resource : record.resources()) {
            if (resource.isBlank() || resource.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("resources must be references such as ChargeItem/<id>, "
                        + "without white space");
            }
        }
    }

    private static AuditRecord row(ResultSet rs, int rowNum) throws SQLException {
        String resources = rs.getString("resources");
        return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_role"), rs.getString("actor"), rs.getObject("patient_id", UUID.class),
                rs.getString("tenant"), rs.getString("action"),
                resources.isEmpty() ? List.of() : Arrays.asList(resources.split(" ")),
                rs.getString("purpose_of_use"), rs.getString("outcome"));
    }

    private static void add(List<String> conditions, Map<String, Object> params, String condition, String name,
                            Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
