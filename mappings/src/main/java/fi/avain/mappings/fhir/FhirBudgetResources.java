package fi.avain.mappings.fhir;

import static fi.avain.mappings.fhir.FhirTypes.reference;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/** A budget as an Account, each line as an Account part of it, and the plan behind them as a CarePlan. */
final class FhirBudgetResources {
    private static final String CODE = "[^\\s]+( [^\\s]+)*";

    private FhirBudgetResources() {
    }

    static Account budgetAccount(PortalBudget budget, LocalDate today) {
        Account account = new Account();
        account.setId(budget.id().toString());
        account.getMeta().setLastUpdatedElement(FhirTypes.instant(budget.updatedAt()));
        account.setText(FhirTypes.narrative("Personal budget " + budget.planId() + ", " + budget.start() + " to "
                + budget.end() + ": " + balance(budget.allocatedCents(), budget.heldCents(), budget.spentCents(),
                budget.availableCents())));
        account.addExtension(FhirNames.TENANT, new StringType(budget.tenant()));
        account.addExtension(FhirTypes.amounts(budget.allocatedCents(), budget.heldCents(), budget.spentCents(),
                budget.availableCents()));
        account.addIdentifier().setSystem(FhirNames.PLAN_ID).setValue(budget.planId());
        account.setStatus(FhirTypes.within(today, budget.start(), budget.end())
                ? Account.AccountStatus.ACTIVE : Account.AccountStatus.INACTIVE);
        account.setType(accountType("budget", "Personal budget"));
        account.setName("Personal budget " + budget.planId());
        account.addSubject(reference("Patient", budget.patientId()));
        account.setServicePeriod(FhirTypes.period(budget.start(), budget.end()));
        account.setDescription("Personal budget of plan " + budget.planId() + ", version " + budget.version()
                + "; client group " + budget.clientGroup() + ", cohort " + budget.cohort());
        return account;
    }

    static Account lineAccount(PortalBudget budget, PortalLine line, LocalDate today) {
        if (!line.budgetId().equals(budget.id())) {
            throw new IllegalArgumentException("the line is not one of the budget's");
        }
        Account account = new Account();
        account.setId(line.id().toString());
        account.getMeta().setLastUpdatedElement(FhirTypes.instant(budget.updatedAt()));
        account.setText(FhirTypes.narrative(line.category() + ", " + line.start() + " to " + line.end()
                + (line.open() ? "" : ", closed") + ": " + balance(line.allocatedCents(), line.heldCents(),
                line.spentCents(), line.availableCents())));
        account.addExtension(FhirTypes.amounts(line.allocatedCents(), line.heldCents(), line.spentCents(),
                line.availableCents()));
        line.channels().forEach(c -> account.addExtension(FhirNames.CHANNEL, new CodeType(c)));
        line.serviceClasses().forEach(s -> account.addExtension(FhirNames.SERVICE_CLASS, new UriType(s)));
        account.addIdentifier().setSystem(FhirNames.LINE_CODE).setValue(line.code());
        account.setStatus(line.open() && FhirTypes.within(today, line.start(), line.end())
                ? Account.AccountStatus.ACTIVE : Account.AccountStatus.INACTIVE);
        account.setType(accountType("budget-line", "Budget line"));
        account.setName(line.category());
        account.addSubject(reference("Patient", budget.patientId()));
        account.setServicePeriod(FhirTypes.period(line.start(), line.end()));
        account.setPartOf(reference("Account", budget.id()));
        return account;
    }

    /**
     * The plan at the budget's version. {@code created} is when the first version was made,
     * {@code meta.lastUpdated} when the current one was (the budget's last change if it is not listed).
     */
    static CarePlan carePlan(PortalBudget budget, List<PortalPlanVersion> versions, LocalDate today) {
        CarePlan plan = new CarePlan();
        plan.setId(budget.id().toString());
        plan.getMeta().setVersionId(Integer.toString(budget.version()));
        plan.getMeta().setLastUpdatedElement(FhirTypes.instant(versions.stream()
                .filter(v -> v.version() == budget.version()).findFirst()
                .map(PortalPlanVersion::createdAt).orElse(budget.updatedAt())));
        plan.setText(FhirTypes.narrative("Plan " + budget.planId() + ", version " + budget.version() + ", "
                + budget.start() + " to " + budget.end() + ": " + budget.lines().size() + " budget lines"));
        plan.addExtension(FhirNames.TENANT, new StringType(budget.tenant()));
        plan.addExtension(FhirNames.COHORT, new CodeType(budget.cohort()));
        plan.addIdentifier().setSystem(FhirNames.PLAN_ID).setValue(budget.planId());
        plan.setStatus(today.isAfter(budget.end()) ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(clientGroup(budget.clientGroup()));
        plan.setSubject(reference("Patient", budget.patientId()));
        plan.setPeriod(FhirTypes.period(budget.start(), budget.end()));
        versions.stream().min(Comparator.comparingInt(PortalPlanVersion::version))
                .ifPresent(first -> plan.setCreatedElement(FhirTypes.dateTime(first.createdAt())));
        for (PortalLine line : budget.lines()) {
            CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
            detail.addExtension(FhirNames.BUDGET_LINE, reference("Account", line.id()).setDisplay(line.category()));
            detail.setCode(serviceClasses(line));
            detail.setStatus(activityStatus(line, today));
            detail.setScheduled(FhirTypes.period(line.start(), line.end()));
        }
        return plan;
    }

    private static String balance(long allocated, long held, long spent, long available) {
        return "allocated " + FhirTypes.euros(allocated) + ", held " + FhirTypes.euros(held) + ", spent "
                + FhirTypes.euros(spent) + ", available " + FhirTypes.euros(available);
    }

    private static CodeableConcept accountType(String code, String display) {
        return new CodeableConcept(new Coding(FhirNames.ACCOUNT_TYPE, code, display));
    }

    /** A client group that is not a valid FHIR code (two spaces in a row) is given as text only. */
    private static CodeableConcept clientGroup(String group) {
        CodeableConcept category = new CodeableConcept().setText(group);
        if (group.matches(CODE)) {
            category.addCoding(new Coding(FhirNames.CLIENT_GROUP, group, null));
        }
        return category;
    }

    /** The category as text; each PTV service class with a code (the older URN form has none) as a coding. */
    private static CodeableConcept serviceClasses(PortalLine line) {
        CodeableConcept code = new CodeableConcept().setText(line.category());
        line.serviceClasses().forEach(uri -> FhirTypes.serviceClass(uri).ifPresent(code::addCoding));
        return code;
    }

    private static CarePlanActivityStatus activityStatus(PortalLine line, LocalDate today) {
        if (!line.open()) {
            return CarePlanActivityStatus.STOPPED;
        }
        if (today.isBefore(line.start())) {
            return CarePlanActivityStatus.NOTSTARTED;
        }
        return today.isAfter(line.end()) ? CarePlanActivityStatus.COMPLETED : CarePlanActivityStatus.INPROGRESS;
    }
}
