package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.budget.Portal;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalBudget;
import fi.avain.mappings.fhir.PortalLine;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** A budget as an Account, and each of its lines as an Account that is part of it. */
@Component
class AccountProvider implements IResourceProvider {
    private final Portal portal;
    private final PortalAccessService access;
    private final PortalAuditing auditing;

    AccountProvider(Portal portal, PortalAccessService access, PortalAuditing auditing) {
        this.portal = portal;
        this.access = access;
        this.auditing = auditing;
    }

    @Override
    public Class<Account> getResourceType() {
        return Account.class;
    }

    @Read
    public Account read(@IdParam IdType id) {
        UUID accountId = FhirIds.uuid(id);
        PortalBudget budget = portal.budget(accountId)
                .or(() -> portal.budgetOfLine(accountId).flatMap(portal::budget))
                .filter(b -> access.allows(b.patientId(), Grant.BUDGET))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        auditing.record("read", budget.patientId(), budget.tenant(), List.of("Account/" + accountId));
        if (budget.id().equals(accountId)) {
            return FhirResources.budgetAccount(budget);
        }
        PortalLine line = budget.lines().stream().filter(l -> l.id().equals(accountId)).findFirst().orElseThrow();
        return FhirResources.lineAccount(budget, line);
    }

    /** A client's budgets, each followed by its lines; every page checked and audited as it is served. */
    @Search
    public IBundleProvider ofPatient(@RequiredParam(name = Account.SP_PATIENT) ReferenceParam patient) {
        UUID clientId = FhirIds.uuid(patient, Account.SP_PATIENT, "Patient");
        access.require(clientId, Grant.BUDGET, "Patient/" + clientId);
        List<Account> accounts = new ArrayList<>();
        String tenant = "-";
        for (PortalBudget budget : portal.budgetsOf(clientId)) {
            tenant = budget.tenant();
            accounts.add(FhirResources.budgetAccount(budget));
            for (PortalLine line : budget.lines()) {
                accounts.add(FhirResources.lineAccount(budget, line));
            }
        }
        String owner = tenant;
        return SearchPages.of(accounts,
                page -> auditing.page(clientId, Grant.BUDGET, "Patient/" + clientId, owner, page));
    }
}
