package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import fi.avain.budget.Portal;
import fi.avain.mappings.fhir.FhirResources;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/** A notification carries the changed ChargeItem or budget Account as the portal would serve it now. */
@Component
class LedgerPayloads implements NotificationPayloads {
    private final Portal portal;
    private final ProviderNames names;
    private final FhirContext fhir;

    LedgerPayloads(Portal portal, ProviderNames names, FhirContext fhir) {
        this.portal = portal;
        this.names = names;
        this.fhir = fhir;
    }

    @Override
    public String json(String resourceType, UUID resourceId) {
        IBaseResource resource = switch (resourceType) {
            case "ChargeItem" -> portal.charge(resourceId)
                    .map(charge -> FhirResources.chargeItem(names.named(List.of(charge)).get(0)))
                    .orElseThrow(() -> new IllegalStateException("no ChargeItem/" + resourceId));
            case "Account" -> portal.budget(resourceId).map(FhirResources::budgetAccount)
                    .orElseThrow(() -> new IllegalStateException("no Account/" + resourceId));
            default -> throw new IllegalArgumentException("no notifications of " + resourceType);
        };
        return fhir.newJsonParser().encodeResourceToString(resource);
    }
}
