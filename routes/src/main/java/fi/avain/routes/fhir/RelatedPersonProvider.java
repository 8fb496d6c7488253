package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.budget.Representatives;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.PortalRepresentative;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;

/**
 * The representatives a client authorised. The client sees them all; a representative sees only their own
 * grant, not who else the client trusts.
 */
@Component
class RelatedPersonProvider implements IResourceProvider {
    private final Representatives representatives;
    private final PortalAccessService access;
    private final PortalAuditing auditing;

    RelatedPersonProvider(Representatives representatives, PortalAccessService access, PortalAuditing auditing) {
        this.representatives = representatives;
        this.access = access;
        this.auditing = auditing;
    }

    @Override
    public Class<RelatedPerson> getResourceType() {
        return RelatedPerson.class;
    }

    @Read
    public RelatedPerson read(@IdParam IdType id) {
        PortalRepresentative representative = representatives.find(FhirIds.uuid(id)).filter(this::visible)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        auditing.record("read", representative.patientId(), representative.tenant(),
                List.of("RelatedPerson/" + representative.id()));
        return FhirResources.relatedPerson(representative);
    }

    /** A client's representatives the caller may see; every page checked again and audited as it is served. */
    @Search
    public IBundleProvider ofPatient(@RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient) {
        UUID clientId = FhirIds.uuid(patient, RelatedPerson.SP_PATIENT, "Patient");
        if (!access.seesAnything(clientId)) {
            throw new ResourceNotFoundException("Patient/" + clientId);
        }
        List<PortalRepresentative> visible = representatives.of(clientId).stream().filter(this::visible).toList();
        return SearchPages.paged(visible.size(), (from, to) -> {
            if (!access.seesAnything(clientId)) {
                throw new ResourceNotFoundException("Patient/" + clientId);
            }
            List<PortalRepresentative> page = visible.subList(Math.min(from, visible.size()),
                    Math.min(to, visible.size())).stream().filter(this::visible).toList();
            if (!page.isEmpty()) {
                auditing.record("search", clientId, page.get(0).tenant(),
                        page.stream().map(r -> "RelatedPerson/" + r.id()).toList());
            }
            return page.stream().map(FhirResources::relatedPerson).toList();
        });
    }

    private boolean visible(PortalRepresentative representative) {
        return access.isOperator() || access.self().filter(representative.patientId()::equals).isPresent()
                || access.representing().contains(representative.id());
    }
}
