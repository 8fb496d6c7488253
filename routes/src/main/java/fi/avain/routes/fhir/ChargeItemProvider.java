package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import fi.avain.budget.DeclarationStateException;
import fi.avain.budget.Declarations;
import fi.avain.budget.Portal;
import fi.avain.mappings.fhir.ChargeStatus;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalBudget;
import fi.avain.mappings.fhir.PortalCharge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hold and spend on a budget, from every channel. A pending declaration is approved or rejected
 * here by the client, or by a representative the client let act on declarations.
 */
@Component
class ChargeItemProvider implements IResourceProvider {
    private final Portal portal;
    private final PortalAccessService access;
    private final PortalAuditing auditing;
    private final ProviderNames names;
    private final Declarations declarations;
    private final TransactionTemplate tx;

    ChargeItemProvider(Portal portal, PortalAccessService access, PortalAuditing auditing, ProviderNames names,
                       Declarations declarations, TransactionTemplate tx) {
        this.portal = portal;
        this.access = access;
        this.auditing = auditing;
        this.names = names;
        this.declarations = declarations;
        this.tx = tx;
    }

    @Override
    public Class<ChargeItem> getResourceType() {
        return ChargeItem.class;
    }

    @Read
    public ChargeItem read(@IdParam IdType id) {
        PortalCharge charge = visible(id, Grant.SPENDS);
        auditing.record("read", charge.patientId(), tenantOf(charge), List.of("ChargeItem/" + charge.id()));
        return FhirResources.chargeItem(names.named(List.of(charge)).get(0));
    }

    /** The charges on a budget's Account or a line's, newest first, optionally within a date range. */
    @Search
    public IBundleProvider onAccount(@RequiredParam(name = ChargeItem.SP_ACCOUNT) ReferenceParam account,
                                     @OptionalParam(name = "date") DateRangeParam date) {
        UUID accountId = FhirIds.uuid(account, ChargeItem.SP_ACCOUNT, "Account");
        Optional<PortalBudget> own = portal.budget(accountId);
        boolean isBudget = own.isPresent();
        PortalBudget budget = own.or(() -> portal.budgetOfLine(accountId).flatMap(portal::budget))
                .orElseThrow(() -> new ResourceNotFoundException("Account/" + accountId));
        access.require(budget.patientId(), Grant.SPENDS, "Account/" + accountId);
        Portal.ChargeQuery query = new Portal.ChargeQuery(isBudget ? budget.id() : null, isBudget ? null : accountId,
                lower(date), upper(date));
        int size = Math.toIntExact(portal.chargeCount(query));
        return SearchPages.paged(size, (from, to) -> page(query, budget, from, to));
    }

    @Operation(name = "$approve", idempotent = false)
    public ChargeItem approve(@IdParam IdType id) {
        UUID declarationId = pendingDeclaration(id);
        decide(() -> declarations.approve(declarationId, access.actor()));
        return after(id, "approve");
    }

    @Operation(name = "$reject", idempotent = false)
    public ChargeItem reject(@IdParam IdType id, @OperationParam(name = "reason", min = 0, max = 1) StringType reason) {
        UUID declarationId = pendingDeclaration(id);
        String why = reason == null || reason.isEmpty() ? "rejected in the citizen portal" : reason.getValue().strip();
        if (why.length() > 500) {
            throw new InvalidRequestException("Parameter 'reason' is longer than 500 characters.");
        }
        decide(() -> declarations.reject(declarationId, access.actor(), why));
        return after(id, "reject");
    }

    private List<ChargeItem> page(Portal.ChargeQuery query, PortalBudget budget, int from, int to) {
        access.require(budget.patientId(), Grant.SPENDS, "Account/" + budget.id());
        List<PortalCharge> charges = to > from ? names.named(portal.charges(query, from, to - from)) : List.of();
        return auditing.page(budget.patientId(), Grant.SPENDS, "Account/" + budget.id(), budget.tenant(),
                charges.stream().map(FhirResources::chargeItem).toList());
    }

    private PortalCharge visible(IdType id, Grant need) {
        return portal.charge(FhirIds.uuid(id)).filter(c -> access.allows(c.patientId(), need))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    private UUID pendingDeclaration(IdType id) {
        PortalCharge charge = visible(id, Grant.DECLARATIONS);
        if (!"declaration".equals(charge.channel())) {
            throw new InvalidRequestException("ChargeItem/" + charge.id() + " is not a declaration; only a "
                    + "provider's declaration can be approved or rejected.");
        }
        if (charge.status() != ChargeStatus.PLANNED) {
            throw new ResourceVersionConflictException("ChargeItem/" + charge.id() + " has already been decided.");
        }
        return UUID.fromString(charge.sourceId());
    }

    private void decide(Runnable decision) {
        try {
            tx.executeWithoutResult(s -> decision.run());
        } catch (DeclarationStateException e) {
            throw new ResourceVersionConflictException(e.getMessage());
        }
    }

    private ChargeItem after(IdType id, String action) {
        PortalCharge charge = portal.charge(FhirIds.uuid(id)).orElseThrow();
        auditing.record(action, charge.patientId(), tenantOf(charge), List.of("ChargeItem/" + charge.id()));
        return FhirResources.chargeItem(names.named(List.of(charge)).get(0));
    }

    private String tenantOf(PortalCharge charge) {
        return portal.budget(charge.budgetId()).map(PortalBudget::tenant).orElse("-");
    }

    private static Instant lower(DateRangeParam date) {
        return date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant();
    }

    private static Instant upper(DateRangeParam date) {
        return date == null || date.getUpperBoundAsInstant() == null ? null
                : date.getUpperBoundAsInstant().toInstant().plusMillis(1);
    }
}
