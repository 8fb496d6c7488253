package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fi.avain.budget.LedgerException;
import fi.avain.budget.Portal;
import fi.avain.budget.ReplanConflictException;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.fhir.FhirCarePlanReader;
import fi.avain.mappings.fhir.FhirMappingException;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalBudget;
import fi.avain.routes.budget.PlanIntake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * The care plan behind a budget. Case management may also send its plan as a FHIR CarePlan: it goes
 * through the same intake as {@code POST /api/v1/plans}, message store and all.
 */
@Component
class CarePlanProvider implements IResourceProvider {
    private final Portal portal;
    private final PortalAccessService access;
    private final PortalAuditing auditing;
    private final PlanIntake intake;
    private final FhirContext fhir;

    CarePlanProvider(Portal portal, PortalAccessService access, PortalAuditing auditing, PlanIntake intake,
                     FhirContext fhir) {
        this.fhir = fhir;
        this.portal = portal;
        this.access = access;
        this.auditing = auditing;
        this.intake = intake;
    }

    @Override
    public Class<CarePlan> getResourceType() {
        return CarePlan.class;
    }

    @Read
    public CarePlan read(@IdParam IdType id) {
        PortalBudget budget = portal.budget(FhirIds.uuid(id)).filter(b -> access.allows(b.patientId(), Grant.BUDGET))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        auditing.record("read", budget.patientId(), budget.tenant(), List.of("CarePlan/" + budget.id()));
        return FhirResources.carePlan(budget, portal.planVersions(budget.id()));
    }

    /** A client's plans; every page checked and audited as it is served. */
    @Search
    public IBundleProvider ofPatient(@RequiredParam(name = CarePlan.SP_PATIENT) ReferenceParam patient) {
        UUID clientId = FhirIds.uuid(patient, CarePlan.SP_PATIENT, "Patient");
        access.require(clientId, Grant.BUDGET, "Patient/" + clientId);
        List<CarePlan> plans = new ArrayList<>();
        String tenant = "-";
        for (PortalBudget budget : portal.budgetsOf(clientId)) {
            tenant = budget.tenant();
            plans.add(FhirResources.carePlan(budget, portal.planVersions(budget.id())));
        }
        String owner = tenant;
        return SearchPages.of(plans, page -> auditing.page(clientId, Grant.BUDGET, "Patient/" + clientId, owner, page));
    }

    @Create
    public MethodOutcome create(@ResourceParam CarePlan plan) {
        if (!"integrator".equals(access.role())) {
            throw new ForbiddenOperationException("Only case management (an integrator key) sends care plans.");
        }
        byte[] json;
        try {
            json = FhirCarePlanReader.toPlanJson(plan);
        } catch (FhirMappingException e) {
            intake.refuse(fhir.newJsonParser().encodeResourceToString(plan).getBytes(StandardCharsets.UTF_8),
                    "application/fhir+json", e.getMessage());
            throw new UnprocessableEntityException(e.getMessage());
        }
        PlanIntake.Received received;
        try {
            received = intake.receive(json, "application/json");
        } catch (MappingException e) {
            throw new UnprocessableEntityException(e.getMessage());
        } catch (ReplanConflictException e) {
            throw new ResourceVersionConflictException(e.getMessage());
        } catch (LedgerException e) {
            throw new UnprocessableEntityException(e.getMessage());
        }
        UUID budgetId = received.outcome().budgetId();
        PortalBudget budget = portal.budget(budgetId).orElseThrow();
        auditing.record("create", budget.patientId(), budget.tenant(), List.of("CarePlan/" + budgetId));
        MethodOutcome outcome = new MethodOutcome(new IdType("CarePlan", budgetId.toString(),
                String.valueOf(received.outcome().version())), received.outcome().created());
        outcome.setResource(FhirResources.carePlan(budget, portal.planVersions(budgetId)));
        return outcome;
    }
}
