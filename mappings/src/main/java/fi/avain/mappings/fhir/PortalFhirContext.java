package fi.avain.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The portal's FHIR R4 context: HAPI's, but its JSON parsers write the portal's ChargeItems with
 * {@link ChargeItemJson}, and its terser knows that their references never carry a resource to include.
 */
public final class PortalFhirContext extends FhirContext {
    /** HAPI keeps its own to itself; the same default, lenient. */
    private volatile IParserErrorHandler errors;

    public PortalFhirContext() {
        super(FhirVersionEnum.R4);
    }

    @Override
    public FhirContext setParserErrorHandler(IParserErrorHandler handler) {
        errors = handler;
        return super.setParserErrorHandler(handler);
    }

    @Override
    public IParser newJsonParser() {
        IParserErrorHandler handler = errors;
        return PortalJsonParser.create(this, handler == null ? new LenientErrorHandler() : handler);
    }

    /**
     * A search Bundle is built by walking every resource's references for resources to include with it; a
     * ChargeItem of {@link FhirResources#chargeItem} references by id alone, so the walk would find nothing.
     */
    @Override
    public FhirTerser newTerser() {
        return new FhirTerser(this) {
            @Override
            public List<ResourceReferenceInfo> getAllResourceReferences(IBaseResource resource) {
                return ChargeItemJson.source(resource).isPresent() ? List.of() : super.getAllResourceReferences(resource);
            }
        };
    }
}
