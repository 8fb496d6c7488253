package fi.avain.mappings.model;

import java.util.Objects;

/** Where a catalogue item came from: the source system (ptv, comparison) and its id there. */
public record SourceRef(String system, String id) {
    public SourceRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(id, "id");
        if (system.isBlank() || id.isBlank()) {
            throw new InvalidValueException("source", "system and id must not be blank");
        }
    }

    @Override
    public String toString() {
        return system + ":" + id;
    }
}
