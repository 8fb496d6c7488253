package fi.avain.mappings.ptv;

import static fi.avain.mappings.ptv.PtvFields.localized;
import static fi.avain.mappings.ptv.PtvFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.ChannelType;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.OrganizationOid;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ProviderType;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.mappings.model.SourceRef;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Maps Suomi.fi PTV Open API v11 objects (Organization, ServiceChannel, Service) to the canonical
 * model. Stateless; an item that cannot be mapped raises {@link MappingException} naming the field.
 */
public final class PtvMapper {
    static final String SYSTEM = "ptv";

    /**
     * The top-level fields each mapping reads. A tree holding only these maps exactly as the whole
     * item does, so a reader may leave the rest (PTV's ontology terms are most of a channel) unbuilt.
     */
    public static final Set<String> ORGANIZATION_FIELDS = Set.of("id", "organizationNames", "organizationType",
            "organizationDescriptions", "businessCode", "oid", "municipality", "emails", "phoneNumbers", "webPages",
            "publishingStatus", "modified");
    public static final Set<String> CHANNEL_FIELDS = Set.of("id", "serviceChannelType", "organizationId",
            "serviceChannelNames", "serviceChannelDescriptions", "addresses", "phoneNumbers", "emails", "webPages",
            "serviceHours", "areas", "languages", "publishingStatus", "modified");
    public static final Set<String> SERVICE_FIELDS = Set.of("id", "serviceNames", "serviceDescriptions",
            "requirements", "serviceClasses", "targetGroups", "areaType", "areas", "serviceChannels", "organizations",
            "fundingType", "serviceChargeType", "serviceVouchersInUse", "languages", "publishingStatus", "modified");

    public PtvMapper() {
    }

    public Provider organization(JsonNode org) {
        UUID id = PtvFields.id(org, "id", "organization.id");
        LocalizedText name = requireName(localized(org.path("organizationNames"), "Name", "AlternativeName"),
                "organization.organizationNames");
        return new Provider(
                id,
                new SourceRef(SYSTEM, id.toString()),
                providerType(org.path("organizationType").asText("")),
                name,
                localized(org.path("organizationDescriptions"), "Description", "Summary"),
                text(org, "businessCode").map(code -> MappingException.parse("organization.businessCode", code,
                        BusinessId::parse)),
                text(org, "oid").flatMap(PtvMapper::oid),
                PtvFields.municipality(org.path("municipality"), "organization.municipality"),
                PtvFields.texts(org.path("emails"), "value"),
                PtvPhones.read(org.path("phoneNumbers")),
                PtvFields.texts(org.path("webPages"), "url"),
                List.of(),
                Optional.empty(),
                PtvFields.status(org, "organization.publishingStatus"),
                PtvFields.modified(org, "organization.modified"));
    }

    /**
     * PTV checks an OID's characters only, so a malformed one is PTV's data, not a broken item: it is
     * left out, as an optional identifier, rather than costing the organisation and its services.
     */
    private static Optional<OrganizationOid> oid(String text) {
        try {
            return Optional.of(OrganizationOid.parse(text));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /**
     * PTV's public-sector types (State, Municipality, RegionalOrganization, Region for a wellbeing
     * services county, SotePublic, and TT1, public producers) are PUBLIC; Company and SotePrivate are
     * COMPANY; Organization, PTV's järjestöt, is NGO; anything else (TT2, private producers) is OTHER.
     */
    static ProviderType providerType(String ptvType) {
        return switch (ptvType) {
            case "State", "Municipality", "RegionalOrganization", "Region", "SotePublic", "TT1" -> ProviderType.PUBLIC;
            case "Company", "SotePrivate" -> ProviderType.COMPANY;
            case "Organization" -> ProviderType.NGO;
            default -> ProviderType.OTHER;
        };
    }

    public ServiceChannel channel(JsonNode channel) {
        UUID id = PtvFields.id(channel, "id", "serviceChannel.id");
        ChannelType type = channelType(channel.path("serviceChannelType").asText(""));
        return new ServiceChannel(
                id,
                new SourceRef(SYSTEM, id.toString()),
                type,
                PtvFields.uuid(channel.get("organizationId"), "serviceChannel.organizationId"),
                requireName(localized(channel.path("serviceChannelNames"), "Name", "AlternativeName"),
                        "serviceChannel.serviceChannelNames"),
                localized(channel.path("serviceChannelDescriptions"), "Description", "Summary"),
                type == ChannelType.SERVICE_LOCATION
                        ? Optional.of(PtvLocations.read(channel.path("addresses")))
                        : Optional.empty(),
                PtvPhones.read(channel.path("phoneNumbers")),
                PtvFields.texts(channel.path("emails"), "value"),
                PtvFields.texts(channel.path("webPages"), "url"),
                PtvOpeningHours.read(channel.path("serviceHours")),
                PtvFields.areaMunicipalities(channel.path("areas"), "serviceChannel.areas.municipalities"),
                PtvFields.languages(channel.path("languages")),
                PtvFields.status(channel, "serviceChannel.publishingStatus"),
                PtvFields.modified(channel, "serviceChannel.modified"));
    }

    private static ChannelType channelType(String ptvType) {
        return switch (ptvType) {
            case "ServiceLocation" -> ChannelType.SERVICE_LOCATION;
            case "EChannel" -> ChannelType.ELECTRONIC;
            case "Phone" -> ChannelType.PHONE;
            case "WebPage" -> ChannelType.WEB_PAGE;
            case "PrintableForm" -> ChannelType.PRINTABLE_FORM;
            default -> throw new MappingException("serviceChannel.serviceChannelType",
                    "must be ServiceLocation, EChannel, Phone, WebPage or PrintableForm");
        };
    }

    public ServiceOffering service(JsonNode service) {
        UUID id = PtvFields.id(service, "id", "service.id");
        JsonNode descriptions = service.path("serviceDescriptions");
        String areaType = service.path("areaType").asText("");
        boolean nationwide = areaType.equals("Nationwide") || areaType.equals("NationwideExceptAlandIslands");
        return new ServiceOffering(
                id,
                new SourceRef(SYSTEM, id.toString()),
                requireName(localized(service.path("serviceNames"), "Name", "AlternativeName"),
                        "service.serviceNames"),
                localized(descriptions, "Summary"),
                localized(descriptions, "Description"),
                localized(service.path("requirements")),
                PtvServiceParts.serviceClasses(service.path("serviceClasses")),
                PtvServiceParts.targetGroups(service.path("targetGroups")),
                nationwide,
                nationwide ? List.of()
                        : PtvFields.areaMunicipalities(service.path("areas"), "service.areas.municipalities"),
                PtvServiceParts.channelIds(service.path("serviceChannels")),
                PtvServiceParts.organizationIds(service.path("organizations")),
                Optional.empty(),
                fundingModes(service),
                PtvFields.languages(service.path("languages")),
                List.of(),
                Optional.empty(),
                PtvFields.status(service, "service.publishingStatus"),
                PtvFields.modified(service, "service.modified"));
    }

    private static Set<FundingMode> fundingModes(JsonNode service) {
        Set<FundingMode> modes = EnumSet.noneOf(FundingMode.class);
        if ("PubliclyFunded".equals(service.path("fundingType").asText())) {
            modes.add(FundingMode.PUBLIC);
        }
        if ("FreeOfCharge".equals(service.path("serviceChargeType").asText())) {
            modes.add(FundingMode.FREE);
        }
        if (service.path("serviceVouchersInUse").asBoolean(false)) {
            modes.add(FundingMode.VOUCHER);
        }
        return modes;
    }

    private static LocalizedText requireName(LocalizedText name, String field) {
        if (name.isEmpty()) {
            throw new MappingException(field, "has no name in any language");
        }
        return name;
    }
}
