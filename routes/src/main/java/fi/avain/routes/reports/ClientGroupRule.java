package fi.avain.routes.reports;

import fi.avain.routes.messages.PersonalDataMasker;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which client groups a tenant's plans and costs files may name. A tenant with a file in
 * {@code avain.tenants-dir} has a closed code list, so a typo cannot start a group of its own; a tenant
 * without one takes free text, except text holding an identity code, since every client group is a label
 * in the reports, and identity codes never appear there.
 */
@Component
public class ClientGroupRule {
    private final TenantCatalog tenants;

    ClientGroupRule(TenantCatalog tenants) {
        this.tenants = tenants;
    }

    /** The rule the group breaks for the tenant, or empty when it may be used. */
    public Optional<String> refusal(String tenant, String group) {
        Optional<Tenant> known = tenants.tenant(tenant);
        if (known.isPresent()) {
            return known.get().clientGroup(group).isPresent() ? Optional.empty()
                    : Optional.of("is not one of the tenant's client groups (" + known.get().clientGroups().stream()
                            .map(ClientGroup::code).collect(Collectors.joining(", ")) + ")");
        }
        if (group != null && !group.equals(PersonalDataMasker.mask(group))) {
            return Optional.of("must not hold an identity code: a client group is a label in the reports");
        }
        return Optional.empty();
    }
}
