package fi.avain.budget;

import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalRepresentative;
import fi.avain.mappings.model.Hetu;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people a client has authorised to follow the budget for them. A person is known by the keyed hash
 * of their identity code, never the code; a grant names what they may do and for how long, and a revoked
 * or lapsed grant gives nothing.
 */
public final class Representatives {
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
    private static final String COLUMNS = """
            r.id, r.client_id, r.tenant, r.name, r.relationship, r.grants, r.valid_from, r.valid_until, r.revoked_at""";

    private final JdbcClient db;
    private final ClientIdentities identities;
    private final Clock clock;

    public Representatives(JdbcClient db, ClientIdentities identities, Clock clock) {
        this.db = db;
        this.identities = identities;
        this.clock = clock;
    }

    /** What a client grants one person; {@code until} may be null (until revoked). */
    public record GrantRequest(UUID clientId, Hetu person, String name, String relationship, Set<Grant> grants,
                               LocalDate from, LocalDate until) {
        public GrantRequest {
            if (clientId == null || person == null) {
                throw new InvalidRequestException("client and person are required");
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new InvalidRequestException("name: 1-200 characters");
            }
            if (relationship == null || !relationship.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new InvalidRequestException("relationship: a code of 1-64 letters, digits or . _ -");
            }
            if (grants == null || grants.isEmpty()) {
                throw new InvalidRequestException("grants: at least one of budget, spends, declarations");
            }
            if (from != null && until != null && until.isBefore(from)) {
                throw new InvalidRequestException("until: before from");
            }
            grants = Set.copyOf(grants);
        }
    }

    /**
     * Grants (or changes the grant of) a person for a client, in the caller's transaction. The same person
     * again replaces the earlier grant, and a revoked grant is renewed.
     */
    public PortalRepresentative grant(GrantRequest request) {
        String tenant = db.sql("select tenant from client where id = ?").param(request.clientId())
                .query(String.class).optional()
                .orElseThrow(() -> new UnknownBudgetException("no client " + request.clientId()));
        String pseudonym = identities.pseudonym(request.person());
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate from = request.from() != null ? request.from() : LocalDate.now(clock.withZone(FINLAND));
        String grants = words(request.grants());
        int updated = db.sql("""
                        update representative set name = ?, relationship = ?, grants = ?, valid_from = ?,
                               valid_until = ?, revoked_at = null, updated_at = ?
                        where client_id = ? and pseudonym = ?""")
                .params(request.name().strip(), request.relationship(), grants, from, request.until(), now,
                        request.clientId(), pseudonym)
                .update();
        if (updated == 0) {
            db.sql("""
                            insert into representative (id, tenant, client_id, pseudonym, name, relationship, grants,
                                                        valid_from, valid_until, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), tenant, request.clientId(), pseudonym, request.name().strip(),
                            request.relationship(), grants, from, request.until(), now, now)
                    .update();
        }
        return db.sql("select " + COLUMNS + " from representative r where r.client_id = ? and r.pseudonym = ?")
                .params(request.clientId(), pseudonym).query(this::read).single();
    }

    /** Ends a grant; answers whether there was one to end. */
    public boolean revoke(UUID representativeId) {
        return db.sql("update representative set revoked_at = ?, updated_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), representativeId)
                .update() == 1;
    }

    public Optional<PortalRepresentative> find(UUID id) {
        return db.sql("select " + COLUMNS + " from representative r where r.id = ?").param(id).query(this::read)
                .optional();
    }

    /** A client's representatives, lapsed and revoked ones included. */
    public List<PortalRepresentative> of(UUID clientId) {
        return db.sql("select " + COLUMNS + " from representative r where r.client_id = ? order by r.created_at, r.id")
                .param(clientId).query(this::read).list();
    }

    /** The grants in force today that a person holds within a tenant, one per client. */
    public List<PortalRepresentative> heldBy(String tenant, Hetu person) {
        return db.sql("select " + COLUMNS + " from representative r where r.tenant = ? and r.pseudonym = ?")
                .params(tenant, identities.pseudonym(person)).query(this::read).list().stream()
                .filter(PortalRepresentative::active).toList();
    }

    private PortalRepresentative read(ResultSet rs, int row) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(FINLAND));
        LocalDate from = rs.getDate(7).toLocalDate();
        LocalDate until = rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate();
        boolean active = rs.getTimestamp(9) == null && !today.isBefore(from) && (until == null || !today.isAfter(until));
        Set<Grant> grants = Arrays.stream(rs.getString(6).trim().split("\\s+"))
                .map(word -> Grant.valueOf(word.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Grant.class)));
        return new PortalRepresentative(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), grants, from, until, active);
    }

    private static String words(Set<Grant> grants) {
        return grants.stream().sorted().map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }
}
