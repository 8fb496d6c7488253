package fi.avain.mappings.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation that provides services: a municipality or wellbeing services county from PTV,
 * or a company or NGO from the comparison catalogue. Merged across sources by business id.
 */
public record Provider(
        UUID id,
        SourceRef source,
        ProviderType type,
        LocalizedText name,
        LocalizedText description,
        Optional<BusinessId> businessId,
        Optional<OrganizationOid> oid,
        Optional<MunicipalityCode> municipality,
        List<String> emails,
        List<Phone> phones,
        List<String> urls,
        List<QualityIndicator> qualityIndicators,
        Optional<BigDecimal> feedbackScore,
        PublicationStatus status,
        Instant modified) {
    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new InvalidValueException("provider.name", "must have a value in at least one language");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(municipality, "municipality");
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        urls = List.copyOf(urls);
        qualityIndicators = List.copyOf(qualityIndicators);
        Objects.requireNonNull(feedbackScore, "feedbackScore");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(modified, "modified");
    }
}
