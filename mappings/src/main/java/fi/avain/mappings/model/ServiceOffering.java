package fi.avain.mappings.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A service as the marketplace offers it: what it is, for whom, where, through which channels,
 * at what price and with which funding modes, and how well it is rated.
 *
 * @param nationwide true when the service is available everywhere; otherwise {@code areaMunicipalities} lists where
 * @param providerIds the responsible organisation first, then producers
 * @param price the client's price, where the source states one
 */
public record ServiceOffering(
        UUID id,
        SourceRef source,
        LocalizedText name,
        LocalizedText summary,
        LocalizedText description,
        LocalizedText eligibility,
        List<ServiceClassUri> serviceClasses,
        List<TargetGroup> targetGroups,
        boolean nationwide,
        List<MunicipalityCode> areaMunicipalities,
        List<UUID> channelIds,
        List<UUID> providerIds,
        Optional<Money> price,
        Set<FundingMode> fundingModes,
        List<String> languages,
        List<QualityIndicator> qualityIndicators,
        Optional<BigDecimal> feedbackScore,
        PublicationStatus status,
        Instant modified) {
    public ServiceOffering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new InvalidValueException("service.name", "must have a value in at least one language");
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(eligibility, "eligibility");
        serviceClasses = List.copyOf(serviceClasses);
        targetGroups = List.copyOf(targetGroups);
        areaMunicipalities = List.copyOf(areaMunicipalities);
        channelIds = List.copyOf(channelIds);
        providerIds = List.copyOf(providerIds);
        Objects.requireNonNull(price, "price");
        fundingModes = inEnumOrder(fundingModes);
        languages = List.copyOf(languages);
        qualityIndicators = List.copyOf(qualityIndicators);
        Objects.requireNonNull(feedbackScore, "feedbackScore");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(modified, "modified");
    }

    /** Set.copyOf iterates in a different order on every run; output formats need a stable one. */
    private static Set<FundingMode> inEnumOrder(Set<FundingMode> modes) {
        EnumSet<FundingMode> ordered = EnumSet.noneOf(FundingMode.class);
        ordered.addAll(modes);
        return Collections.unmodifiableSet(ordered);
    }
}
