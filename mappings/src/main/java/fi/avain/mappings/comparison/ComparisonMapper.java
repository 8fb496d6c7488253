package fi.avain.mappings.comparison;

import static fi.avain.mappings.MappingException.parse;
import static fi.avain.mappings.comparison.ComparisonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.Money;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.model.Phone;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ProviderType;
import fi.avain.mappings.model.PublicationStatus;
import fi.avain.mappings.model.ServiceClassUri;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.mappings.model.SourceRef;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Maps the comparison catalogue (docs/formats/comparison-catalogue.md) to the model: a provider
 * from the JSON API, or every provider of a CSV export. Ids are name-based UUIDs of the business
 * id and the catalogue's service id, so the same provider keeps its id on every read.
 */
public final class ComparisonMapper {
    static final String SYSTEM = "comparison";

    public ComparisonMapper() {
    }

    public ComparisonEntry provider(JsonNode json) {
        BusinessId businessId = parse("provider.businessId",
                ComparisonFields.required(json, "businessId", "provider.businessId"), BusinessId::parse);
        UUID id = nameUuid("comparison:provider:" + businessId.value());
        LocalizedText name = ComparisonFields.localized(json.get("name"), "provider.name");
        if (name.isEmpty()) {
            throw new MappingException("provider.name", "has no name in any language");
        }
        Provider provider = new Provider(
                id,
                new SourceRef(SYSTEM, businessId.value()),
                providerType(ComparisonFields.required(json, "providerType", "provider.providerType")),
                name,
                ComparisonFields.localized(json.get("description"), "provider.description"),
                Optional.of(businessId),
                Optional.empty(),
                municipality(json, "municipality", "provider.municipality"),
                text(json, "email").stream().toList(),
                text(json, "phone").map(number -> parse("provider.phone", number, n -> new Phone(n, null, null)))
                        .stream().toList(),
                text(json, "website").stream().toList(),
                ComparisonFields.indicators(json, "provider.qualityIndicators"),
                ComparisonFields.feedbackScore(json, "provider.feedbackScore"),
                PublicationStatus.PUBLISHED,
                ComparisonFields.instant(json, "updatedAt", "provider.updatedAt"));
        List<ComparisonService> services = new ArrayList<>();
        for (JsonNode service : json.path("services")) {
            services.add(service(service, provider));
        }
        return new ComparisonEntry(provider, services);
    }

    /** Every provider of a CSV export, or the reason a line could not be read; see {@link ComparisonCsv}. */
    public List<CsvRecord> csv(Reader reader) {
        return new ComparisonCsv(this).read(reader);
    }

    private static ProviderType providerType(String type) {
        return switch (type) {
            case "company" -> ProviderType.COMPANY;
            case "ngo" -> ProviderType.NGO;
            case "public" -> ProviderType.PUBLIC;
            default -> throw new MappingException("provider.providerType", "must be company, ngo or public");
        };
    }

    /**
     * A service that only describes a PTV service may leave out its name; the offering then carries
     * the catalogue's service id as its name, which the merge replaces with PTV's names.
     */
    private static ComparisonService service(JsonNode json, Provider provider) {
        String serviceId = ComparisonFields.required(json, "id", "service.id");
        Optional<UUID> ptvServiceId = text(json, "ptvServiceId").map(ComparisonMapper::ptvServiceId);
        LocalizedText name = ComparisonFields.localized(json.get("name"), "service.name");
        if (name.isEmpty() && ptvServiceId.isEmpty()) {
            throw new MappingException("service.name", "has no name in any language and no ptvServiceId");
        }
        ServiceOffering offering = new ServiceOffering(
                nameUuid("comparison:service:" + serviceId),
                new SourceRef(SYSTEM, serviceId),
                name.isEmpty() ? LocalizedText.of("fi", serviceId) : name,
                LocalizedText.EMPTY,
                ComparisonFields.localized(json.get("description"), "service.description"),
                LocalizedText.EMPTY,
                ComparisonFields.texts(json, "serviceClasses", "service.serviceClasses").stream()
                        .map(code -> parse("service.serviceClasses", code, ServiceClassUri::ofCode)).toList(),
                List.of(),
                false,
                ComparisonFields.texts(json, "municipalities", "service.municipalities").stream()
                        .map(code -> parse("service.municipalities", code, MunicipalityCode::parse)).toList(),
                List.of(),
                List.of(provider.id()),
                text(json, "price").map(price -> parse("service.price", price, Money::parse)),
                fundingModes(ComparisonFields.texts(json, "fundingModes", "service.fundingModes")),
                List.copyOf(name.values().keySet()),
                ComparisonFields.indicators(json, "service.qualityIndicators"),
                ComparisonFields.feedbackScore(json, "service.feedbackScore"),
                PublicationStatus.PUBLISHED,
                ComparisonFields.instant(json, "updatedAt", "service.updatedAt"));
        return new ComparisonService(ptvServiceId, offering);
    }

    private static UUID ptvServiceId(String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            throw new MappingException("service.ptvServiceId", "must be a UUID");
        }
        throw new MappingException("service.ptvServiceId", "must be a UUID");
    }

    private static Set<FundingMode> fundingModes(List<String> names) {
        Set<FundingMode> modes = EnumSet.noneOf(FundingMode.class);
        for (String name : names) {
            modes.add(switch (name) {
                case "public" -> FundingMode.PUBLIC;
                case "voucher" -> FundingMode.VOUCHER;
                case "personal_budget" -> FundingMode.PERSONAL_BUDGET;
                case "self_paid" -> FundingMode.SELF_PAID;
                case "free" -> FundingMode.FREE;
                default -> throw new MappingException("service.fundingModes",
                        "must be public, voucher, personal_budget, self_paid or free");
            });
        }
        return modes;
    }

    private static Optional<MunicipalityCode> municipality(JsonNode json, String field, String name) {
        return text(json, field).map(code -> parse(name, code, MunicipalityCode::parse));
    }

    static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
