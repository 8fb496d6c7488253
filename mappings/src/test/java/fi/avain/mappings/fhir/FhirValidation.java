package fi.avain.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's validator against base FHIR R4 and its terminologies, made once per test JVM: building it
 * loads every R4 structure definition, which takes seconds.
 */
public final class FhirValidation {
    private static final FhirValidator VALIDATOR = create();

    private FhirValidation() {
    }

    /** Every message the validator has on the resource, errors first. */
    public static List<SingleValidationMessage> messages(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .sorted((a, b) -> b.getSeverity().ordinal() - a.getSeverity().ordinal()).toList();
    }

    public static List<SingleValidationMessage> errors(IBaseResource resource) {
        return messages(resource).stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    private static FhirValidator create() {
        FhirContext context = FhirContext.forR4Cached();
        DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(context);
        ValidationSupportChain chain = new ValidationSupportChain(base,
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context));
        return context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
}
