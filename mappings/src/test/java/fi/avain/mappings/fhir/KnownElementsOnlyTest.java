package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The portal's context reads what callers send with every element known, and still writes what it holds. */
class KnownElementsOnlyTest {
    private static final PortalFhirContext CONTEXT = new PortalFhirContext();

    static {
        CONTEXT.setParserErrorHandler(new KnownElementsOnly());
    }

    @Test
    void anUnknownElementIsRefusedByName() {
        for (String body : new String[] {
                "{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"foo\":1}",
                "{\"resourceType\":\"CarePlan\",\"stauts\":\"active\",\"intent\":\"plan\"}",
                "{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"contained\":"
                        + "[{\"resourceType\":\"Account\",\"id\":\"a\",\"status\":\"active\",\"bogus\":true}]}"}) {
            String element = body.contains("foo") ? "foo" : body.contains("stauts") ? "stauts" : "bogus";
            assertThatThrownBy(() -> CONTEXT.newJsonParser().parseResource(body))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("'" + element + "'");
        }
        assertThatThrownBy(() -> CONTEXT.newXmlParser().parseResource(
                "<CarePlan xmlns=\"http://hl7.org/fhir\"><stauts value=\"active\"/></CarePlan>"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("stauts");
    }

    @Test
    void aReferenceToNothingIsLeftForTheReaderToName() {
        CarePlan plan = (CarePlan) CONTEXT.newJsonParser().parseResource(
                "{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\","
                        + "\"subject\":{\"reference\":\"#nobody\"}}");

        assertThat(plan.getSubject().getReference()).isEqualTo("#nobody");
    }

    @Test
    void writingAnExtensionWithoutAUrlIsNotRefused() {
        Account account = new Account();
        account.setId("a");
        account.addExtension().setValue(new StringType("held"));

        assertThat(CONTEXT.newJsonParser().encodeResourceToString(account)).contains("held");
    }
}
