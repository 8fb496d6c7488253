package fi.avain.routes.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.hsds.HsdsMapper;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.ServiceClassUri;
import fi.avain.mappings.model.ServiceOffering;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns canonical records into the HSDS objects Avain sends and keeps, with hashes and facets. */
@Component
class CatalogueItems {
    /** Facet value for a service available everywhere; the municipality filter matches it too. */
    static final String EVERYWHERE = "*";

    private final HsdsMapper hsds = new HsdsMapper();
    private final ObjectMapper json;

    CatalogueItems(ObjectMapper json) {
        this.json = json;
    }

    CatalogueItem organization(Provider provider) {
        return item(HsdsType.ORGANIZATION, provider.id(), provider.source().system(), provider.source().id(),
                null, null, provider.businessId().map(Object::toString).orElse(null),
                provider.name(), provider.description(), hsds.organization(provider), List.of(), provider.modified());
    }

    CatalogueItem service(ServiceOffering service) {
        List<CatalogueItem.Facet> facets = new ArrayList<>();
        if (service.nationwide()) {
            facets.add(new CatalogueItem.Facet("municipality", EVERYWHERE));
        }
        service.areaMunicipalities().forEach(m -> facets.add(new CatalogueItem.Facet("municipality", m.value())));
        for (ServiceClassUri serviceClass : service.serviceClasses()) {
            facets.add(new CatalogueItem.Facet("service_class", serviceClass.code().orElse(serviceClass.value())));
        }
        for (FundingMode mode : service.fundingModes()) {
            facets.add(new CatalogueItem.Facet("funding_mode", mode.name().toLowerCase(Locale.ROOT)));
        }
        LocalizedText text = service.summary().orElse(service.description());
        return item(HsdsType.SERVICE, service.id(), service.source().system(), service.source().id(),
                null, null, null, service.name(), text, hsds.service(service), distinct(facets), service.modified());
    }

    CatalogueItem location(ServiceChannel channel) {
        List<CatalogueItem.Facet> facets = new ArrayList<>();
        channel.location().ifPresent(location -> location.addresses().forEach(address -> address.municipality()
                .ifPresent(m -> facets.add(new CatalogueItem.Facet("municipality", m.value())))));
        return item(HsdsType.LOCATION, channel.id(), channel.source().system(), channel.source().id(),
                null, null, null, channel.name(), channel.description(), hsds.location(channel), distinct(facets),
                channel.modified());
    }

    CatalogueItem serviceAtLocation(ServiceOffering service, UUID locationId) {
        UUID id = HsdsMapper.serviceAtLocationId(service.id(), locationId);
        return item(HsdsType.SERVICE_AT_LOCATION, id, service.source().system(), service.source().id(),
                service.id(), locationId, null, service.name(), LocalizedText.EMPTY,
                hsds.serviceAtLocation(service.id(), locationId), List.of(), service.modified());
    }

    private CatalogueItem item(HsdsType type, UUID id, String system, String sourceId, UUID parentId, UUID refId,
            String businessId, LocalizedText name, LocalizedText text, ObjectNode body, List<CatalogueItem.Facet> facets,
            java.time.Instant modified) {
        String serialized = write(body);
        String search = (String.join(" ", name.values().values()) + " " + String.join(" ", text.values().values()))
                .toLowerCase(Locale.ROOT);
        return new CatalogueItem(type, id, system, sourceId, parentId, refId, businessId,
                name.preferred().orElse(""), search, serialized, sha256(serialized), facets, modified);
    }

    private static List<CatalogueItem.Facet> distinct(List<CatalogueItem.Facet> facets) {
        Set<CatalogueItem.Facet> seen = new java.util.LinkedHashSet<>(facets);
        return List.copyOf(seen);
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HSDS object could not be written", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
