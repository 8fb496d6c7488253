package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.routes.audit.PortalAudit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** The portal's audit trail, for operators: who read or acted on which client's data, when and why. */
@Component
class AuditEventProvider implements IResourceProvider {
    private final PortalAudit audit;
    private final PortalAccessService access;

    AuditEventProvider(PortalAudit audit, PortalAccessService access) {
        this.audit = audit;
        this.access = access;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        operatorsOnly();
        return audit.find(FhirIds.uuid(id)).map(FhirResources::auditEvent)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** Newest first; by the client acted for, a time range and the actor. */
    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = AuditEvent.SP_AGENT) StringParam agent) {
        operatorsOnly();
        UUID patientId = patient == null ? null : FhirIds.uuid(patient, AuditEvent.SP_PATIENT, "Patient");
        Instant from = date == null || date.getLowerBoundAsInstant() == null ? null
                : date.getLowerBoundAsInstant().toInstant();
        Instant to = date == null || date.getUpperBoundAsInstant() == null ? null
                : date.getUpperBoundAsInstant().toInstant().plusMillis(1);
        String actor = agent == null ? null : agent.getValue();
        int size = Math.toIntExact(audit.search(patientId, from, to, actor, 0, 1).totalItems());
        return new SimpleBundleProvider(size) {
            @Override
            public List<IBaseResource> getResources(int first, int last, ResponsePage.ResponsePageBuilder page) {
                operatorsOnly();
                return audit.search(patientId, from, to, actor, first, Math.max(0, last - first)).items().stream()
                        .<IBaseResource>map(FhirResources::auditEvent).toList();
            }
        };
    }

    private void operatorsOnly() {
        if (!access.isOperator()) {
            throw new ForbiddenOperationException("The audit trail is for operators.");
        }
    }
}
