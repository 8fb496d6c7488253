package fi.avain.mappings.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids for HSDS objects that have no id of their own in the source: the same input
 * gives the same id on every run, so the marketplace's PUT by id replaces rather than duplicates.
 */
final class HsdsIds {
    private HsdsIds() {
    }

    /** The id of the {@code index}th nested object in {@code role} under {@code parent}. */
    static UUID child(UUID parent, String role, int index) {
        return name(parent + "/" + role + "/" + index);
    }

    /** The id of a taxonomy term, shared by every object that carries it. */
    static UUID term(String taxonomy, String code) {
        return name("taxonomy/" + taxonomy + "/" + code);
    }

    static UUID name(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
