package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.comparison.CatalogueMerger;
import fi.avain.mappings.comparison.ComparisonEntry;
import fi.avain.mappings.comparison.ComparisonService;
import fi.avain.mappings.model.ChannelType;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.connectors.ptv.PtvItem;
import fi.avain.connectors.ptv.PtvTime;
import fi.avain.mappings.ptv.PtvMapper;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns fetched PTV items into sync units: stores each as a message, maps it, merges what the
 * comparison catalogue adds, and works out the dependent objects (a service's service_at_locations).
 */
@Component
class PtvItems {
    record Batch(List<SyncUnit> units, List<UUID> seen, Instant maxModified, Instant minFailedModified, int failed) {
    }

    private final PtvMapper mapper = new PtvMapper();
    private final CatalogueItems catalogueItems;
    private final CatalogueCopyQueries copy;
    private final MessageStore messages;
    private final ObjectMapper json;

    PtvItems(CatalogueItems catalogueItems, CatalogueCopyQueries copy, MessageStore messages, ObjectMapper json) {
        this.catalogueItems = catalogueItems;
        this.copy = copy;
        this.messages = messages;
        this.json = json;
    }

    Batch toUnits(String kind, List<PtvItem> fetched, ComparisonIndex index) {
        List<UUID> messageIds = messages.receiveAll(fetched.stream().map(item -> message(kind, item)).toList());
        List<SyncUnit> units = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        List<UUID> noEffect = new ArrayList<>();
        Instant maxModified = null;
        Instant minFailed = null;
        int failed = 0;
        // Mapped first, so that what the units need from the copy is read once for the whole chunk.
        List<Object> mapped = new ArrayList<>();
        for (PtvItem item : fetched) {
            maxModified = later(maxModified, modified(item.json()));
            try {
                mapped.add(map(kind, item.json(), index));
            } catch (MappingException | InvalidValueException e) {
                mapped.add(e);
            }
        }
        Links links = links(mapped);
        for (int i = 0; i < mapped.size(); i++) {
            UUID messageId = messageIds.get(i);
            try {
                if (mapped.get(i) instanceof RuntimeException mappingFailure) {
                    throw mappingFailure; // counted and stored below, as one of building the unit
                }
                Optional<SyncUnit> unit = unitOf(mapped.get(i), messageId, links);
                unit.ifPresentOrElse(units::add, () -> noEffect.add(messageId));
                unit.filter(u -> !u.isRemoval()).ifPresent(u -> seen.add(u.upserts().get(0).id()));
            } catch (MappingException | InvalidValueException e) {
                JsonNode item = fetched.get(i).json();
                failed++;
                minFailed = earlier(minFailed, modified(item));
                // Still listed by PTV: a full run must not delete what it already holds of it.
                uuid(item.path("id").asText("")).ifPresent(seen::add);
                messages.failed(messageId, "PTV " + kind + ": " + e.getMessage());
            }
        }
        messages.processedAll(noEffect);
        return new Batch(units, seen, maxModified, minFailed, failed);
    }

    /** Empty when the item has no marketplace effect (a channel that is not a place). */
    Optional<SyncUnit> unit(String kind, JsonNode item, UUID messageId, ComparisonIndex index) {
        Object mapped = map(kind, item, index);
        return unitOf(mapped, messageId, links(List.of(mapped)));
    }

    /** The item as the canonical model, merged with what the comparison catalogue adds to it. */
    private Object map(String kind, JsonNode item, ComparisonIndex index) {
        return switch (kind) {
            case "Organization" -> {
                Provider provider = mapper.organization(item);
                yield provider.status().removed() ? provider : provider.businessId()
                        .flatMap(b -> index.provider(b.value()))
                        .map(entry -> CatalogueMerger.merge(provider, entry.provider()))
                        .orElse(provider);
            }
            case "ServiceChannel" -> mapper.channel(item);
            case "Service" -> {
                ServiceOffering service = mapper.service(item);
                yield service.status().removed() ? service : index.forPtvService(service.id())
                        .map(c -> CatalogueMerger.merge(service, c))
                        .orElse(service);
            }
            default -> throw new IllegalArgumentException("unknown PTV kind " + kind);
        };
    }

    private Optional<SyncUnit> unitOf(Object mapped, UUID messageId, Links links) {
        if (mapped instanceof Provider provider) {
            if (provider.status().removed()) {
                return Optional.of(SyncUnit.remove(messageId, removalsOf(HsdsType.ORGANIZATION, provider.id())));
            }
            return Optional.of(SyncUnit.upsert(messageId, List.of(catalogueItems.organization(provider)), List.of()));
        }
        if (mapped instanceof ServiceChannel channel) {
            if (!isPlace(channel)) {
                return links.locations().contains(channel.id())
                        ? Optional.of(SyncUnit.remove(messageId, removalsOf(HsdsType.LOCATION, channel.id())))
                        : Optional.empty();
            }
            return Optional.of(SyncUnit.upsert(messageId, List.of(catalogueItems.location(channel)), List.of()));
        }
        ServiceOffering service = (ServiceOffering) mapped;
        if (service.status().removed()) {
            return Optional.of(SyncUnit.remove(messageId, removalsOf(HsdsType.SERVICE, service.id())));
        }
        return Optional.of(serviceUnit(messageId, service, links));
    }

    private static boolean isPlace(ServiceChannel channel) {
        return !channel.status().removed() && channel.type() == ChannelType.SERVICE_LOCATION;
    }

    /**
     * What the units of a chunk need from the copy, read in two queries: the locations it holds among
     * the services' channels (or among the channels that are no longer places), and the services'
     * current service_at_locations.
     */
    private record Links(Set<UUID> locations, Map<UUID, List<UUID>> serviceAtLocations) {
    }

    private Links links(List<Object> mapped) {
        Set<UUID> channelIds = new HashSet<>();
        List<UUID> serviceIds = new ArrayList<>();
        for (Object item : mapped) {
            if (item instanceof ServiceOffering service && !service.status().removed()) {
                channelIds.addAll(service.channelIds());
                serviceIds.add(service.id());
            } else if (item instanceof ServiceChannel channel && !isPlace(channel)) {
                channelIds.add(channel.id());
            }
        }
        return new Links(channelIds.isEmpty() ? Set.of() : copy.existing(HsdsType.LOCATION, channelIds),
                serviceIds.isEmpty() ? Map.of() : copy.serviceAtLocationIds(serviceIds));
    }

    /** The service, a service_at_location for each of its channels that is a known place, and removal of stale ones. */
    private SyncUnit serviceUnit(UUID messageId, ServiceOffering service, Links links) {
        List<CatalogueItem> upserts = new ArrayList<>();
        upserts.add(catalogueItems.service(service));
        List<UUID> current = new ArrayList<>();
        for (UUID channelId : service.channelIds()) {
            if (links.locations().contains(channelId)) {
                CatalogueItem sal = catalogueItems.serviceAtLocation(service, channelId);
                upserts.add(sal);
                current.add(sal.id());
            }
        }
        List<SyncUnit.Removal> stale = links.serviceAtLocations().getOrDefault(service.id(), List.of()).stream()
                .filter(id -> !current.contains(id))
                .map(id -> new SyncUnit.Removal(HsdsType.SERVICE_AT_LOCATION, id))
                .toList();
        return SyncUnit.upsert(messageId, upserts, stale);
    }

    /** Units for the comparison catalogue's own providers and services (those not merged into PTV's). */
    List<SyncUnit> comparisonUnits(ComparisonIndex index) {
        Map<String, UUID> ptvOrganizations = copy.organizationsByBusinessId("ptv", index.businessIds());
        Set<UUID> ptvServices = copy.existing(HsdsType.SERVICE,
                index.ptvServiceIds());
        List<SyncUnit> units = new ArrayList<>();
        List<UUID> merged = new ArrayList<>();
        for (ComparisonIndex.Entry entry : index.entries()) {
            ComparisonEntry comparison = entry.entry();
            String businessId = comparison.provider().businessId().map(Object::toString).orElse("");
            UUID organizationId = ptvOrganizations.get(businessId);
            List<CatalogueItem> upserts = new ArrayList<>();
            if (organizationId == null) {
                organizationId = comparison.provider().id();
                upserts.add(catalogueItems.organization(comparison.provider()));
            }
            for (ComparisonService service : comparison.services()) {
                if (service.ptvServiceId().filter(ptvServices::contains).isEmpty()) {
                    upserts.add(catalogueItems.service(Offerings.withProvider(service.offering(), organizationId)));
                }
            }
            if (upserts.isEmpty()) {
                merged.add(entry.messageId());
            } else {
                units.add(SyncUnit.upsert(entry.messageId(), upserts, List.of()));
            }
        }
        messages.processedAll(merged);
        return units;
    }

    /** Removal units for known items that PTV lists as archived or withdrawn, unless reading them back shows them published. */
    List<SyncUnit> removalUnits(String kind, List<String> guids, List<PtvItem> fetched) {
        Map<String, PtvItem> byId = new HashMap<>();
        fetched.forEach(item -> byId.put(item.json().path("id").asText(), item));
        List<SyncUnit> units = new ArrayList<>();
        for (String guid : guids) {
            PtvItem item = byId.get(guid);
            if (item != null && "Published".equalsIgnoreCase(item.json().path("publishingStatus").asText())) {
                continue;
            }
            PtvItem body = item != null ? item : removed(guid);
            UUID messageId = messages.receive(message(kind, body));
            units.add(SyncUnit.remove(messageId, removalsOf(typeOf(kind), UUID.fromString(guid))));
        }
        return units;
    }

    /** GUIDs that Avain's copy holds for the kind. */
    List<String> knownOf(String kind, List<String> guids) {
        List<UUID> ids = guids.stream().map(PtvItems::uuid).flatMap(Optional::stream).toList();
        Set<UUID> known = copy.existing(typeOf(kind), ids);
        return guids.stream().filter(g -> uuid(g).filter(known::contains).isPresent()).toList();
    }

    /** What removing an object takes downstream: its dependents first. */
    List<SyncUnit.Removal> removalsOf(HsdsType type, UUID id) {
        List<SyncUnit.Removal> removals = new ArrayList<>();
        if (type == HsdsType.SERVICE) {
            copy.serviceAtLocationIds(List.of(id)).getOrDefault(id, List.of())
                    .forEach(sal -> removals.add(new SyncUnit.Removal(HsdsType.SERVICE_AT_LOCATION, sal)));
        } else if (type == HsdsType.LOCATION) {
            copy.serviceAtLocationsOfLocations(List.of(id))
                    .forEach(sal -> removals.add(new SyncUnit.Removal(HsdsType.SERVICE_AT_LOCATION, sal)));
        }
        removals.add(new SyncUnit.Removal(type, id));
        return removals;
    }

    private InboundMessage message(String kind, PtvItem item) {
        String id = item.json().path("id").asText("");
        return new InboundMessage(CatalogueSync.FLOW, "ptv:" + kind + ":" + (id.isEmpty() ? "unknown" : id), null,
                Map.of("ptvId", id), "application/json", item.raw());
    }

    /** What stands for an item PTV no longer returns at all. */
    private PtvItem removed(String guid) {
        JsonNode node = json.createObjectNode().put("id", guid).put("publishingStatus", "Removed");
        try {
            return new PtvItem(node, json.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HsdsType typeOf(String kind) {
        return switch (kind) {
            case "Organization" -> HsdsType.ORGANIZATION;
            case "ServiceChannel" -> HsdsType.LOCATION;
            case "Service" -> HsdsType.SERVICE;
            default -> throw new IllegalArgumentException("unknown PTV kind " + kind);
        };
    }

    /** PTV's modified time, read leniently: an unreadable one must not stop the watermark logic. */
    static Instant modified(JsonNode item) {
        return PtvTime.parseModified(item.path("modified").asText("")).orElse(null);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
