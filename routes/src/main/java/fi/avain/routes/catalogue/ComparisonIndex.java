package fi.avain.routes.catalogue;

import fi.avain.mappings.comparison.ComparisonEntry;
import fi.avain.mappings.comparison.ComparisonService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One run's comparison catalogue, looked up by business id and by PTV service id. */
final class ComparisonIndex {
    record Entry(UUID messageId, ComparisonEntry entry) {
    }

    private final Map<String, Entry> byBusinessId = new LinkedHashMap<>();
    private final Map<UUID, ComparisonService> byPtvService = new HashMap<>();
    private boolean complete = true;

    void add(UUID messageId, ComparisonEntry entry) {
        entry.provider().businessId().ifPresent(id -> byBusinessId.put(id.value(), new Entry(messageId, entry)));
        for (ComparisonService service : entry.services()) {
            service.ptvServiceId().ifPresent(id -> byPtvService.put(id, service));
        }
    }

    /** A page or the export failed: nothing may be removed for being absent from this run's copy. */
    void markIncomplete() {
        complete = false;
    }

    boolean complete() {
        return complete;
    }

    Optional<ComparisonEntry> provider(String businessId) {
        return Optional.ofNullable(byBusinessId.get(businessId)).map(Entry::entry);
    }

    Optional<ComparisonService> forPtvService(UUID ptvServiceId) {
        return Optional.ofNullable(byPtvService.get(ptvServiceId));
    }

    List<String> businessIds() {
        return List.copyOf(byBusinessId.keySet());
    }

    List<UUID> ptvServiceIds() {
        return List.copyOf(byPtvService.keySet());
    }

    List<Entry> entries() {
        return List.copyOf(byBusinessId.values());
    }
}
