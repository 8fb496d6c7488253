package fi.avain.mappings.fhir;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One audited use of the portal or of the API behind it.
 *
 * @param actorRole    {@code citizen}, {@code representative}, {@code operator} or {@code integrator}
 * @param actor        the token's subject or the API key's principal; never an identity code
 * @param patientId    the client acted for, or null
 * @param action       {@code read}, {@code search}, {@code create}, {@code update}, {@code approve} or {@code reject}
 * @param resources    what was touched, as relative references ({@code ChargeItem/…})
 * @param purposeOfUse a code of HL7 v3 PurposeOfUse, e.g. {@code PATRQT} (patient requested), {@code PATADMIN}
 * @param outcome      {@code 0} success, {@code 4} minor failure, {@code 8} serious failure, {@code 12} major failure
 */
public record AuditRecord(UUID id, Instant at, String actorRole, String actor, UUID patientId, String tenant,
                          String action, List<String> resources, String purposeOfUse, String outcome) {
    public static final List<String> ROLES = List.of("citizen", "representative", "operator", "integrator");
    public static final List<String> ACTIONS = List.of("read", "search", "create", "update", "approve", "reject");
    public static final List<String> OUTCOMES = List.of("0", "4", "8", "12");
    // compiled once: a search's audit record names every resource it returned
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern PURPOSE = Pattern.compile("[A-Z]{2,20}");

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        PortalValues.requireOneOf(actorRole, "actorRole", ROLES);
        PortalValues.requireText(actor, "actor");
        if (Hetu.isValid(actor)) {
            throw new InvalidValueException("actor", "must not be an identity code");
        }
        PortalValues.requireText(tenant, "tenant");
        PortalValues.requireOneOf(action, "action", ACTIONS);
        resources = List.copyOf(resources);
        for (String resource : resources) {
            if (resource == null || !REFERENCE.matcher(resource).matches()) {
                throw new InvalidValueException("resources", "must be relative references such as ChargeItem/{id}");
            }
        }
        if (purposeOfUse == null || !PURPOSE.matcher(purposeOfUse).matches()) {
            throw new InvalidValueException("purposeOfUse", "must be a v3 PurposeOfUse code");
        }
        PortalValues.requireOneOf(outcome, "outcome", OUTCOMES);
    }
}
