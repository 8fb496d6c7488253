package fi.avain.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * HAPI's validator against base FHIR R4 and its terminologies, made once per test JVM: building it
 * loads every R4 structure definition, which takes seconds.
 */
final class FhirValidation {
    private static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final FhirValidator VALIDATOR = create();

    private FhirValidation() {
    }

    /** Every message the validator has on the resource, errors first. */
    static List<SingleValidationMessage> messages(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .sorted((a, b) -> b.getSeverity().ordinal() - a.getSeverity().ordinal()).toList();
    }

    static List<SingleValidationMessage> errors(IBaseResource resource) {
        return messages(resource).stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    private static FhirValidator create() {
        FhirContext context = FhirContext.forR4Cached();
        DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(context);
        ValidationSupportChain chain = new ValidationSupportChain(identifierTypes(context, base), base,
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context));
        return context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /**
     * R4's identifier types (v2 table 0203) with NNFIN, the Finnish national person identifier: the
     * Finnish base profiles fix the PIC's type to it from terminology.hl7.org, whose table has the
     * NNxxx code of every country; the table R4 shipped with in 2019 has none of them.
     */
    private static PrePopulatedValidationSupport identifierTypes(FhirContext context,
                                                                 DefaultProfileValidationSupport base) {
        CodeSystem types = ((CodeSystem) base.fetchCodeSystem(IDENTIFIER_TYPE)).copy();
        types.addConcept().setCode("NNFIN").setDisplay("National Person Identifier of Finland");
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
        support.addCodeSystem(types);
        return support;
    }
}
