package fi.avain.routes.fhir;

import fi.avain.mappings.fhir.PortalCharge;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Providers' names from the catalogue copy, by business id; the ledger keeps only the id. */
@Component
class ProviderNames {
    private final JdbcClient db;

    ProviderNames(JdbcClient db) {
        this.db = db;
    }

    Map<String, String> of(Collection<String> businessIds) {
        Set<String> wanted = businessIds.stream().filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        String marks = wanted.stream().map(id -> "?").collect(Collectors.joining(", "));
        db.sql("select business_id, min(name) from catalogue_item where hsds_type = 'organization' and business_id in ("
                        + marks + ") group by business_id")
                .params(List.copyOf(wanted))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    Optional<String> of(String businessId) {
        return Optional.ofNullable(of(List.of(businessId)).get(businessId));
    }

    /** Whether anything Avain holds names this provider: the catalogue, a voucher or a declaration. */
    boolean known(String businessId) {
        return db.sql("""
                        select count(*) from (
                            select 1 as one from catalogue_item where hsds_type = 'organization' and business_id = ?
                            union all select 1 from voucher where provider_business_id = ?
                            union all select 1 from voucher_provider where provider_business_id = ?
                            union all select 1 from declaration where provider_business_id = ?) k""")
                .params(businessId, businessId, businessId, businessId).query(Long.class).single() > 0;
    }

    List<PortalCharge> named(List<PortalCharge> charges) {
        Map<String, String> names = of(charges.stream().map(PortalCharge::providerBusinessId).toList());
        if (names.isEmpty()) {
            return charges;
        }
        return charges.stream().map(c -> c.providerBusinessId() == null || !names.containsKey(c.providerBusinessId())
                ? c : new PortalCharge(c.id(), c.patientId(), c.budgetId(), c.lineId(), c.channel(), c.sourceId(),
                c.status(), c.heldCents(), c.spentCents(), c.occurred(), c.updated(), c.providerBusinessId(),
                names.get(c.providerBusinessId()), c.merchantCategory(), c.serviceClass(), c.serviceDate())).toList();
    }
}
