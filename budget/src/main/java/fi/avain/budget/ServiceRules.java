package fi.avain.budget;

import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.ServiceClassUri;
import java.util.Optional;
import java.util.Set;

/** What a voucher or a declaration must name: a service class its line allows, a valid provider. */
final class ServiceRules {
    private ServiceRules() {
    }

    /**
     * The allowed class that {@code wanted} names, as the line writes it: the same text, or the same PTV
     * code (P6.10) when one side writes the code and the other the URI.
     */
    static Optional<String> serviceClass(Set<String> allowed, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        String text = wanted.strip();
        if (allowed.contains(text)) {
            return Optional.of(text);
        }
        String wantedCode = code(text);
        return allowed.stream().filter(a -> code(a).equals(wantedCode)).findFirst();
    }

    private static String code(String serviceClass) {
        try {
            return ServiceClassUri.parse(serviceClass).code().orElse(serviceClass);
        } catch (InvalidValueException e) {
            return serviceClass;
        }
    }

    /** A Finnish business id (Y-tunnus) with a valid check digit, stripped; empty when it is not one. */
    static Optional<String> businessId(String text) {
        try {
            return Optional.of(BusinessId.parse(text).value());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
