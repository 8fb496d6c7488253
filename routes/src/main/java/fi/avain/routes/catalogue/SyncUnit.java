package fi.avain.routes.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * The downstream effect of one source item: objects to send (the item's own, then dependent ones
 * such as its service_at_locations) and objects to remove. {@code messageId} ties the outcome back
 * to the message store.
 */
record SyncUnit(UUID messageId, List<CatalogueItem> upserts, List<Removal> removals) {
    record Removal(HsdsType type, UUID id) {
    }

    SyncUnit {
        upserts = List.copyOf(upserts);
        removals = List.copyOf(removals);
    }

    static SyncUnit upsert(UUID messageId, List<CatalogueItem> items, List<Removal> removals) {
        return new SyncUnit(messageId, items, removals);
    }

    static SyncUnit remove(UUID messageId, List<Removal> removals) {
        return new SyncUnit(messageId, List.of(), removals);
    }

    boolean isRemoval() {
        return upserts.isEmpty();
    }
}
