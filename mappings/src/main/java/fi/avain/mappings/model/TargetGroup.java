package fi.avain.mappings.model;

import java.util.Objects;

/** A PTV target group (code KR1 and so on) with its URI and name. */
public record TargetGroup(String code, String uri, LocalizedText name) {
    public TargetGroup {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
    }
}
