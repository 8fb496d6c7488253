package fi.avain.connectors.ptv;

import java.util.Arrays;
import java.util.Optional;

/** The three item kinds of PTV Open API v11, named as they appear in its paths. */
public enum PtvKind {
    Service,
    ServiceChannel,
    Organization;

    public static Optional<PtvKind> fromPath(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(segment)).findFirst();
    }
}
