package fi.avain.mappings.fhir;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;

/** An audited use of the portal as an AuditEvent of a RESTful interaction. */
final class FhirAuditEvents {
    private static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    private static final String PURPOSE_OF_USE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    private static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final String OBSERVER = "Avain";
    private static final Set<String> PEOPLE = Set.of("citizen", "representative");
    /** Actions REST calls an update, told apart by a subtype of their own. */
    private static final Set<String> DECISIONS = Set.of("approve", "reject");
    private static final Set<String> R4_TYPES = Arrays.stream(ResourceType.values()).map(ResourceType::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The REST interaction and the AuditEvent action of each portal action (FHIR R4 AuditEvent, "RESTful activity"). */
    private static final Map<String, String> INTERACTIONS = Map.of("read", "read", "search", "search-type",
            "create", "create", "update", "update", "approve", "update", "reject", "update");
    private static final Map<String, AuditEventAction> ACTIONS = Map.of("read", AuditEventAction.R,
            "search", AuditEventAction.E, "create", AuditEventAction.C, "update", AuditEventAction.U,
            "approve", AuditEventAction.U, "reject", AuditEventAction.U);

    private FhirAuditEvents() {
    }

    static AuditEvent auditEvent(AuditRecord record) {
        AuditEvent event = new AuditEvent();
        event.setId(record.id().toString());
        event.setText(FhirTypes.narrative(record.actorRole() + " " + record.actor() + ": " + record.action() + " "
                + String.join(", ", record.resources()) + ", outcome " + record.outcome()));
        event.setType(new Coding(EVENT_TYPE, "rest", null));
        event.addSubtype(new Coding(INTERACTION, INTERACTIONS.get(record.action()), null));
        if (DECISIONS.contains(record.action())) {
            event.addSubtype(new Coding(FhirNames.AUDIT_ACTION, record.action(), null));
        }
        event.setAction(ACTIONS.get(record.action()));
        event.setRecordedElement(FhirTypes.instant(record.at()));
        event.setOutcome(AuditEventOutcome.fromCode(record.outcome()));
        AuditEvent.AuditEventAgentComponent agent = event.addAgent();
        agent.setWho(new Reference().setDisplay(record.actorRole()).setIdentifier(new Identifier()
                .setSystem(PEOPLE.contains(record.actorRole()) ? FhirNames.TOKEN_SUBJECT : FhirNames.API_KEY)
                .setValue(record.actor())));
        agent.setRequestor(true);
        agent.addPurposeOfUse(new CodeableConcept(new Coding(PURPOSE_OF_USE, record.purposeOfUse(), null)));
        event.getSource().setSite(record.tenant()).setObserver(new Reference().setDisplay(OBSERVER))
                .addType(new Coding(SOURCE_TYPE, "4", null));
        String patient = record.patientId() == null ? null : "Patient/" + record.patientId();
        if (patient != null) {
            entity(event, patient, "1", "1");
        }
        for (String resource : record.resources()) {
            if (!resource.equals(patient)) {
                entity(event, resource, "2", "4");
            }
        }
        return event;
    }

    /**
     * Entity type 1 a person, 2 a system object; role 1 the patient, 4 a domain resource. What the REST API
     * read that R4 has no resource type for (a card, a voucher) is named by identifier: a reference to an
     * unknown type is not valid R4.
     */
    private static void entity(AuditEvent event, String reference, String type, String role) {
        Reference what = R4_TYPES.contains(reference.substring(0, reference.indexOf('/'))) ? new Reference(reference)
                : new Reference().setIdentifier(new Identifier().setSystem(FhirNames.API_RESOURCE).setValue(reference));
        event.addEntity().setWhat(what).setType(new Coding(ENTITY_TYPE, type, null))
                .setRole(new Coding(OBJECT_ROLE, role, null));
    }
}
