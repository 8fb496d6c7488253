package fi.avain.mappings.fhir;

import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * How a resource sent to Avain is parsed: an element R4 does not know (a misspelt one included), a value of
 * the wrong JSON type or not valid for its element is refused rather than dropped, naming the element.
 * A local reference ({@code #id}) to nothing is let through for {@link FhirCarePlanReader}, which refuses it
 * naming the element that holds it; HAPI also reports a missing extension url or value while it writes a
 * resource, and writing is not to be refused here.
 */
public final class KnownElementsOnly extends StrictErrorHandler {
    private final LenientErrorHandler lenient = new LenientErrorHandler();

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        lenient.invalidInternalReference(location, reference);
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        lenient.unknownReference(location, reference);
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String element) {
        lenient.missingRequiredElement(location, element);
    }
}
