package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.budget.Portal;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.PortalPatient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/** The client: read by id, or searched as "the clients I may see". */
@Component
class PatientProvider implements IResourceProvider {
    private final Portal portal;
    private final PortalAccessService access;
    private final PortalAuditing auditing;

    PatientProvider(Portal portal, PortalAccessService access, PortalAuditing auditing) {
        this.portal = portal;
        this.access = access;
        this.auditing = auditing;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        UUID clientId = FhirIds.uuid(id);
        if (!access.seesAnything(clientId)) {
            throw new ResourceNotFoundException(id);
        }
        PortalPatient patient = portal.patient(clientId).orElseThrow(() -> new ResourceNotFoundException(id));
        auditing.record("read", clientId, patient.tenant(), List.of("Patient/" + clientId));
        return FhirResources.patient(patient);
    }

    /** The clients the caller may see; every page checked again and audited as it is served. */
    @Search
    public IBundleProvider mine() {
        List<PortalPatient> found = new ArrayList<>();
        for (UUID clientId : access.clients().keySet()) {
            portal.patient(clientId).ifPresent(found::add);
        }
        return SearchPages.paged(found.size(), (from, to) -> {
            List<Patient> page = new ArrayList<>();
            for (PortalPatient patient : found.subList(Math.min(from, found.size()), Math.min(to, found.size()))) {
                if (access.seesAnything(patient.id())) {
                    auditing.record("search", patient.id(), patient.tenant(), List.of("Patient/" + patient.id()));
                    page.add(FhirResources.patient(patient));
                }
            }
            return page;
        });
    }
}
