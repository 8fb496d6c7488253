package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.budget.CarePlanMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A FHIR CarePlan in, the plan JSON of the plan intake out; or a refusal naming the FHIR element. */
class FhirCarePlanReaderTest {
    private static final Path INPUT = FhirGolden.ROOT.resolve("careplan-in.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDENTITY_CODE = "010190-123M";

    @Test
    void readsThePlanAsThePlanIntakeTakesIt() throws IOException {
        byte[] plan = FhirCarePlanReader.toPlanJson(Files.readAllBytes(INPUT));

        assertThat(JSON.readTree(plan)).isEqualTo(JSON.readTree(FhirGolden.ROOT.resolve("careplan-in.plan.json").toFile()));
        assertThat(CarePlanMapper.fromJson(plan)).isEqualTo(CarePlanMapper.fromJson(
                Files.readAllBytes(Path.of("src/test/resources/golden/care-plan/full.input.json"))));
    }

    @Test
    void isTheDocumentedExample() throws IOException {
        String doc = Files.readString(Path.of("../docs/formats/fhir.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        ObjectNode golden = (ObjectNode) JSON.readTree(INPUT.toFile());
        golden.remove("text");

        assertThat(JSON.readTree(doc.substring(start, doc.indexOf("```", start)))).isEqualTo(golden);
    }

    @Test
    void isValidR4Itself() {
        assertThat(FhirValidation.errors(plan())).isEmpty();
    }

    @Test
    void followsReferencesToContainedResourcesGivenAsObjects() {
        CarePlan plan = plan();
        Patient client = (Patient) plan.getContained().get(0);
        plan.setSubject(new Reference(client));

        assertThat(new String(FhirCarePlanReader.toPlanJson(plan), StandardCharsets.UTF_8)).contains(IDENTITY_CODE);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                refusal("no plan id", p -> p.getIdentifier().clear(),
                        "CarePlan.identifier", "must include one with system https://avain.fi/fhir/NamingSystem/plan-id"),
                refusal("no tenant", p -> without(p, FhirNames.TENANT),
                        "CarePlan.extension[tenant]", "is required"),
                refusal("tenant twice", p -> p.addExtension(FhirNames.TENANT, new StringType("other")),
                        "CarePlan.extension[tenant]", "must not repeat"),
                refusal("unknown cohort", p -> p.getExtensionByUrl(FhirNames.COHORT).setValue(new CodeType("pilot")),
                        "CarePlan.extension[cohort]", "is not one of the known values"),
                refusal("no client group", p -> p.getCategory().clear(),
                        "CarePlan.category", "must include a coding of https://avain.fi/fhir/CodeSystem/client-group"),
                refusal("period with a time", p -> p.getPeriod().setStartElement(new DateTimeType("2026-01-01T08:00:00Z")),
                        "CarePlan.period.start", "must be a date YYYY-MM-DD"),
                refusal("period reversed", p -> p.getPeriod().setEndElement(new DateTimeType("2025-12-31")),
                        "CarePlan.period.end", "must not be before start"),
                refusal("subject not contained", p -> p.setSubject(new Reference("Patient/123")),
                        "CarePlan.subject", "must reference a contained resource (#id)"),
                refusal("subject is an account", p -> p.setSubject(new Reference("#leisure")),
                        "CarePlan.contained[2]", "must be a Patient"),
                refusal("no identity code", p -> client(p).getIdentifier().clear(),
                        "CarePlan.contained[0].identifier", "must include one with system urn:oid:1.2.246.21"),
                refusal("bad identity code", p -> client(p).getIdentifierFirstRep().setValue("010190-123A"),
                        "CarePlan.contained[0].identifier[0].value", "check character does not match"),
                refusal("bad home municipality", p -> client(p).getExtensionByUrl(FhirNames.MUNICIPALITY)
                                .setValue(new Coding(FhirNames.MUNICIPALITY_CODES, "20", null)),
                        "CarePlan.contained[0].extension[municipality-code].valueCoding.code",
                        "must be exactly three digits"),
                refusal("no lines", p -> p.getActivity().clear(),
                        "CarePlan.activity", "must list the budget lines, at least one"),
                refusal("too many lines", p -> {
                    for (int i = 0; i < 199; i++) {
                        p.addActivity(p.getActivityFirstRep().copy());
                    }
                }, "CarePlan.activity", "must list at most 200 budget lines"),
                refusal("line reference to nothing", p -> lineReference(p, 1).setValue(new Reference("#nowhere")),
                        "CarePlan.activity[1].detail.extension[budget-line].valueReference",
                        "must reference a contained resource (#id)"),
                refusal("line is a patient", p -> lineReference(p, 0).setValue(new Reference("#client")),
                        "CarePlan.contained[0]", "must be an Account"),
                refusal("no line code", p -> line(p, 1).getIdentifier().clear(),
                        "CarePlan.contained[1].identifier",
                        "must include one with system https://avain.fi/fhir/NamingSystem/budget-line"),
                refusal("line code twice", p -> line(p, 2).getIdentifierFirstRep().setValue("daily-living"),
                        "CarePlan.contained[2].identifier[0].value", "must be unique within the plan"),
                refusal("no category", p -> line(p, 1).setNameElement(null),
                        "CarePlan.contained[1].name", "is required"),
                refusal("no allocation", p -> without(line(p, 1), FhirNames.AMOUNTS),
                        "CarePlan.contained[1].extension[amounts]", "is required"),
                refusal("allocation in dollars", p -> allocated(p, 1).setCurrency("USD"),
                        "CarePlan.contained[1].extension[amounts].extension[allocated].valueMoney.currency", "must be EUR"),
                refusal("fraction of a cent", p -> allocated(p, 1).setValue(new BigDecimal("6000.005")),
                        "CarePlan.contained[1].extension[amounts].extension[allocated].valueMoney.value",
                        "must be euros with at most two decimals"),
                refusal("negative allocation", p -> allocated(p, 2).setValue(new BigDecimal("-1.00")),
                        "CarePlan.contained[2].extension[amounts].extension[allocated].valueMoney.value",
                        "must not be negative"),
                refusal("limit as text",
                        p -> line(p, 1).getExtensionByUrl(FhirNames.PER_DAY_LIMIT).setValue(new StringType("400")),
                        "CarePlan.contained[1].extension[per-day-limit]", "must have a valueMoney"),
                refusal("unknown channel", p -> line(p, 2).addExtension(FhirNames.CHANNEL, new CodeType("cash")),
                        "CarePlan.contained[2].extension[channel]", "is not one of the known values"),
                refusal("card without merchant codes",
                        p -> without(line(p, 2), FhirNames.MERCHANT_CATEGORY),
                        "CarePlan.contained[2].extension[merchant-category]", "are required when the line allows the card"),
                refusal("line period outside the plan",
                        p -> line(p, 2).getServicePeriod().setEndElement(new DateTimeType("2027-01-31")),
                        "CarePlan.contained[2].servicePeriod", "must lie within the plan's period"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesNamingTheElementNotTheValue(String name, Consumer<CarePlan> breakIt, String path, String reason) {
        CarePlan plan = plan();
        breakIt.accept(plan);

        assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson(plan))
                .isInstanceOfSatisfying(FhirMappingException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(path + ": " + reason).doesNotContain("010190");
                });
    }

    @Test
    void refusesAnotherResourceOrWhatIsNotFhir() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"x\"}";
        assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson(patient.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FhirMappingException.class).hasMessage("resourceType: must be CarePlan");
        String unknownElement = text().replace("\"intent\": \"plan\",", "\"intent\": \"plan\", \"budget\": 1,");
        assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson(unknownElement.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FhirMappingException.class)
                .hasMessage("CarePlan: must be a FHIR R4 resource in JSON, every element known");
        assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson("{\"resourceType\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FhirMappingException.class)
                .hasMessage("CarePlan: must be a FHIR R4 resource in JSON, every element known");
    }

    @Test
    void refusesAnUnknownElementAnywhereAndNamesTheElementADanglingReferenceIsIn() {
        for (String misspelt : new String[] {
                text().replace("\"intent\": \"plan\",", "\"intent\": \"plan\", \"stauts\": \"active\","),
                text().replace("\"name\": \"Harrastukset ja vapaa-aika\",", "\"name\": \"Harrastukset ja vapaa-aika\", \"bogus\": true,"),
                text().replace("\"intent\": \"plan\",", "\"intent\": 5,")}) {
            assertThat(misspelt).isNotEqualTo(text());
            assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson(misspelt.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FhirMappingException.class)
                    .hasMessage("CarePlan: must be a FHIR R4 resource in JSON, every element known");
        }
        String dangling = text().replace("\"#leisure\"", "\"#nowhere\"");
        assertThatThrownBy(() -> FhirCarePlanReader.toPlanJson(dangling.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FhirMappingException.class)
                .hasMessage("CarePlan.activity[1].detail.extension[budget-line].valueReference: "
                        + "must reference a contained resource (#id)");
    }

    private static Arguments refusal(String name, Consumer<CarePlan> breakIt, String path, String reason) {
        return Arguments.of(name, breakIt, path, reason);
    }

    private static CarePlan plan() {
        return FhirContext.forR4Cached().newJsonParser().parseResource(CarePlan.class, text());
    }

    private static String text() {
        try {
            return Files.readString(INPUT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void without(DomainResource resource, String extension) {
        resource.getExtension().removeIf(e -> extension.equals(e.getUrl()));
    }

    private static Patient client(CarePlan plan) {
        return (Patient) plan.getContained().get(0);
    }

    private static Account line(CarePlan plan, int contained) {
        return (Account) plan.getContained().get(contained);
    }

    private static Extension lineReference(CarePlan plan, int activity) {
        return plan.getActivity().get(activity).getDetail().getExtensionByUrl(FhirNames.BUDGET_LINE);
    }

    private static Money allocated(CarePlan plan, int contained) {
        return (Money) line(plan, contained).getExtensionByUrl(FhirNames.AMOUNTS).getExtensionByUrl(FhirNames.ALLOCATED)
                .getValue();
    }
}
