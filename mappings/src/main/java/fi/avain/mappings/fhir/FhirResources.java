package fi.avain.mappings.fhir;

import static fi.avain.mappings.fhir.FhirTypes.reference;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;

/**
 * The citizen portal's FHIR R4 resources, built from what the ledger holds. Pure functions: the same
 * records (and day) give the same resource. {@code docs/formats/fhir.md} describes every element.
 * Only {@link #patient} carries the identity code, in its PIC identifier.
 */
public final class FhirResources {
    /** Budgets and lines are active by the calendar of the clients' home country. */
    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String MERCHANT_CATEGORY = "urn:iso:std:iso:18245";
    static final Map<ChargeStatus, ChargeItemStatus> CHARGE_STATUSES = Map.of(
            ChargeStatus.PLANNED, ChargeItemStatus.PLANNED, ChargeStatus.BILLABLE, ChargeItemStatus.BILLABLE,
            ChargeStatus.BILLED, ChargeItemStatus.BILLED, ChargeStatus.ABORTED, ChargeItemStatus.ABORTED);
    static final Map<String, String> CHANNEL_NAMES = Map.of("card", "Payment card",
            "voucher", "Service voucher", "declaration", "Declaration", "invoice", "Invoice",
            "correction", "Correction");
    /** Relationships as plans and representatives' records name them (English or Finnish), in HL7 v3 RoleCode. */
    private static final Map<String, String> RELATIONSHIPS = Map.ofEntries(
            Map.entry("guardian", "GUARD"), Map.entry("huoltaja", "GUARD"), Map.entry("edunvalvoja", "GUARD"),
            Map.entry("parent", "PRN"), Map.entry("vanhempi", "PRN"), Map.entry("mother", "MTH"),
            Map.entry("äiti", "MTH"), Map.entry("father", "FTH"), Map.entry("isä", "FTH"),
            Map.entry("spouse", "SPS"), Map.entry("puoliso", "SPS"), Map.entry("child", "CHILD"),
            Map.entry("lapsi", "CHILD"), Map.entry("sibling", "SIB"), Map.entry("sisarus", "SIB"),
            Map.entry("family member", "FAMMEMB"), Map.entry("omainen", "FAMMEMB"), Map.entry("friend", "FRND"),
            Map.entry("ystävä", "FRND"), Map.entry("power of attorney", "POWATT"),
            Map.entry("valtuutettu", "POWATT"));

    private FhirResources() {
    }

    /** {@code Patient/{clientId}}: the PIC identifier of the Finnish base profile, and the home municipality. */
    public static Patient patient(PortalPatient client) {
        Patient patient = new Patient();
        patient.setId(client.id().toString());
        patient.setText(FhirTypes.narrative("Client of " + client.tenant() + (client.homeMunicipality() == null ? ""
                : ", home municipality " + client.homeMunicipality().value())));
        patient.addExtension(FhirNames.TENANT, new StringType(client.tenant()));
        if (client.homeMunicipality() != null) {
            patient.addExtension(FhirNames.MUNICIPALITY,
                    new Coding(FhirNames.MUNICIPALITY_CODES, client.homeMunicipality().value(), null));
        }
        // No identifier type: the base profiles' NNFIN is not in R4's v2-0203 table, so base R4 validators
        // refuse it; the system alone names the code, as in the base profiles' own examples.
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(FhirNames.PERSONAL_IDENTITY_CODE).setValue(client.identityCode().unmasked());
        patient.setActive(true);
        return patient;
    }

    /** {@code Account/{budgetId}}, active today (Helsinki) if the budget's period covers it. */
    public static Account budgetAccount(PortalBudget budget) {
        return budgetAccount(budget, today());
    }

    public static Account budgetAccount(PortalBudget budget, LocalDate today) {
        return FhirBudgetResources.budgetAccount(budget, today);
    }

    /** {@code Account/{lineId}}, part of the budget's Account; active if open and its period covers today. */
    public static Account lineAccount(PortalBudget budget, PortalLine line) {
        return lineAccount(budget, line, today());
    }

    public static Account lineAccount(PortalBudget budget, PortalLine line, LocalDate today) {
        return FhirBudgetResources.lineAccount(budget, line, today);
    }

    /** {@code CarePlan/{budgetId}} at the budget's version, one activity per line. */
    public static CarePlan carePlan(PortalBudget budget, List<PortalPlanVersion> versions) {
        return carePlan(budget, versions, today());
    }

    public static CarePlan carePlan(PortalBudget budget, List<PortalPlanVersion> versions, LocalDate today) {
        return FhirBudgetResources.carePlan(budget, versions, today);
    }

    /** {@code ChargeItem/{id}}: one hold or uncovered spend on a line, priced at what it holds and spends. */
    public static ChargeItem chargeItem(PortalCharge charge) {
        ChargeItem item = new ChargeItem();
        item.setId(charge.id().toString());
        item.getMeta().setLastUpdatedElement(FhirTypes.instant(charge.updated()));
        item.setText(FhirTypes.narrative(chargeSummary(charge)));
        item.addExtension(FhirTypes.amounts(null, charge.heldCents(), charge.spentCents(), null));
        item.addIdentifier().setSystem(FhirNames.CHARGE_SOURCE + charge.channel()).setValue(charge.sourceId());
        item.setStatus(CHARGE_STATUSES.get(charge.status()));
        CodeableConcept code = new CodeableConcept(
                new Coding(FhirNames.CHARGE_CHANNEL, charge.channel(), CHANNEL_NAMES.get(charge.channel())));
        if (charge.serviceClass() != null) {
            FhirTypes.serviceClass(charge.serviceClass()).ifPresent(code::addCoding);
        }
        if (charge.merchantCategory() != null) {
            code.addCoding(new Coding(MERCHANT_CATEGORY, charge.merchantCategory(), null));
        }
        item.setCode(code);
        item.setSubject(reference("Patient", charge.patientId()));
        item.setOccurrence(new DateTimeType(charge.occurrence()));
        if (charge.providerBusinessId() != null) {
            item.addPerformer().setFunction(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "PRF", null)))
                    .setActor(new Reference("Organization/" + charge.providerBusinessId()).setDisplay(provider(charge)));
        }
        item.setEnteredDateElement(FhirTypes.dateTime(charge.occurred()));
        item.addAccount(reference("Account", charge.lineId()));
        item.setPriceOverride(FhirTypes.money(Math.addExact(charge.heldCents(), charge.spentCents())));
        ChargeItemJson.tag(item, charge);
        return item;
    }

    /** The ChargeItem's narrative: channel, status, what is held and spent, and where. */
    static String chargeSummary(PortalCharge charge) {
        return CHANNEL_NAMES.get(charge.channel()) + ", " + charge.status().name().toLowerCase(Locale.ROOT)
                + ": held " + FhirTypes.euros(charge.heldCents()) + ", spent " + FhirTypes.euros(charge.spentCents())
                + (charge.providerBusinessId() == null ? "" : ", " + provider(charge));
    }

    /** {@code Organization/{businessId}}, identified as the Finnish base profiles do: the Y-tunnus OID. */
    public static Organization organization(PortalProvider provider) {
        Organization organization = new Organization();
        organization.setId(provider.businessId());
        organization.setText(FhirTypes.narrative(provider.name() + " (" + provider.businessId() + ")"));
        organization.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(FhirNames.URI_IDENTIFIER)
                .setValue(FhirNames.BUSINESS_ID_OID + provider.businessId().replace("-", ""));
        organization.setActive(true);
        organization.setName(provider.name());
        return organization;
    }

    /** {@code RelatedPerson/{representativeId}} with what the client granted, one extension per grant. */
    public static RelatedPerson relatedPerson(PortalRepresentative representative) {
        RelatedPerson person = new RelatedPerson();
        person.setId(representative.id().toString());
        EnumSet<Grant> grants = EnumSet.noneOf(Grant.class);
        grants.addAll(representative.grants());
        person.setText(FhirTypes.narrative(representative.name() + " (" + representative.relationship() + "), "
                + (representative.active() ? "" : "no longer ") + "acting for the client"
                + (grants.isEmpty() ? "" : " on: " + String.join(", ", grants.stream().map(Grant::code).toList()))));
        person.addExtension(FhirNames.TENANT, new StringType(representative.tenant()));
        grants.forEach(g -> person.addExtension(FhirNames.GRANT, new CodeType(g.code())));
        person.setActive(representative.active());
        person.setPatient(reference("Patient", representative.patientId()));
        person.addRelationship(relationship(representative.relationship()));
        person.addName(new HumanName().setText(representative.name()));
        person.setPeriod(FhirTypes.period(representative.start(), representative.end()));
        return person;
    }

    /** {@code AuditEvent/{id}}: who did what to which resources, for whom and why. */
    public static AuditEvent auditEvent(AuditRecord record) {
        return FhirAuditEvents.auditEvent(record);
    }

    /** The provider's name, or its business id when the name is not known. */
    static String provider(PortalCharge charge) {
        return charge.providerName() == null ? charge.providerBusinessId() : charge.providerName();
    }

    /** The relationship as given, coded in v3 RoleCode when it is one the map knows. */
    private static CodeableConcept relationship(String text) {
        CodeableConcept relationship = new CodeableConcept().setText(text);
        String code = RELATIONSHIPS.get(text.strip().toLowerCase(Locale.ROOT).replace('-', ' '));
        if (code != null) {
            relationship.addCoding(new Coding(ROLE_CODE, code, null));
        }
        return relationship;
    }

    private static LocalDate today() {
        return LocalDate.now(HELSINKI);
    }
}
