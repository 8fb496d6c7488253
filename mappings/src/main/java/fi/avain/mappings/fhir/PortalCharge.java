package fi.avain.mappings.fhir;

import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.ServiceClassUri;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One charge on a budget line: a hold (card authorization, voucher reservation, declaration) with
 * what of it is spent, or a spend no hold covers (card force post, refund, correction).
 *
 * @param channel            {@code card}, {@code voucher}, {@code declaration}, {@code invoice} or {@code correction}
 * @param sourceId           the sender's id: authorization, voucher, declaration, clearing record or correction id
 * @param spentCents         negative for a refund or a correction that gives money back
 * @param occurred           when the charge was made: the purchase, or the hold
 * @param updated            when the charge last changed
 * @param providerBusinessId the provider's Y-tunnus, or null when not known
 * @param providerName       the provider's name, or null
 * @param merchantCategory   the card merchant category code, or null
 * @param serviceClass       a PTV service class URI, or null
 * @param serviceDate        the day the service was given, when the sender says (a declaration), or null
 */
public record PortalCharge(UUID id, UUID patientId, UUID budgetId, UUID lineId, String channel, String sourceId,
                           ChargeStatus status, long heldCents, long spentCents, Instant occurred, Instant updated,
                           String providerBusinessId, String providerName, String merchantCategory,
                           String serviceClass, LocalDate serviceDate) {
    public static final List<String> CHANNELS = List.of("card", "voucher", "declaration", "invoice", "correction");

    public PortalCharge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(lineId, "lineId");
        PortalValues.requireOneOf(channel, "channel", CHANNELS);
        PortalValues.requireText(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        PortalValues.requireNotNegative(heldCents, "heldCents");
        Objects.requireNonNull(occurred, "occurred");
        Objects.requireNonNull(updated, "updated");
        // a blank name is no name: the business id stands for it, as FHIR leaves blank strings out
        providerName = providerName == null || providerName.isBlank() ? null : providerName;
        if (providerBusinessId != null) {
            BusinessId.parse(providerBusinessId);
        }
        if (merchantCategory != null && !merchantCategory.matches("\\d{4}")) {
            throw new InvalidValueException("merchantCategory", "must be four digits");
        }
        if (serviceClass != null) {
            ServiceClassUri.parse(serviceClass);
        }
    }

    /** A charge whose sender names no service day: a card purchase, a voucher, an invoice, a correction. */
    public PortalCharge(UUID id, UUID patientId, UUID budgetId, UUID lineId, String channel, String sourceId,
                        ChargeStatus status, long heldCents, long spentCents, Instant occurred, Instant updated,
                        String providerBusinessId, String providerName, String merchantCategory, String serviceClass) {
        this(id, patientId, budgetId, lineId, channel, sourceId, status, heldCents, spentCents, occurred, updated,
                providerBusinessId, providerName, merchantCategory, serviceClass, null);
    }

    /** When the purchase or service took place: the service's day where the sender gave it, else {@link #occurred}. */
    public String occurrence() {
        return serviceDate != null ? serviceDate.toString() : FhirTypes.text(occurred);
    }
}
