package fi.avain.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.budget.CarePlanMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * Reads a FHIR R4 CarePlan, with its client and budget lines as contained resources, into the plan
 * JSON of {@code docs/formats/care-plan.md}, so that the plan intake applies it as it applies any
 * plan. {@code docs/formats/fhir.md} describes what is read from where. What cannot be read, by
 * this class or by {@link CarePlanMapper}, is a {@link FhirMappingException} naming the FHIR element.
 */
public final class FhirCarePlanReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirCarePlanReader() {
    }

    /** Parses FHIR JSON (unknown elements refused) and reads the CarePlan in it. */
    public static byte[] toPlanJson(byte[] fhirJson) {
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new KnownElementsOnly());
        IBaseResource resource;
        try {
            resource = parser.parseResource(new String(fhirJson, StandardCharsets.UTF_8));
        } catch (DataFormatException | ClassCastException e) {
            throw new FhirMappingException("CarePlan", "must be a FHIR R4 resource in JSON, every element known");
        }
        if (!(resource instanceof CarePlan plan)) {
            throw new FhirMappingException("resourceType", "must be CarePlan");
        }
        return toPlanJson(plan);
    }

    /** The plan JSON, already accepted by {@link CarePlanMapper#fromTree}. */
    public static byte[] toPlanJson(CarePlan plan) {
        Map<String, String> paths = new HashMap<>();
        ObjectNode json = new CarePlanFields(plan, paths, JSON.createObjectNode()).read();
        try {
            CarePlanMapper.fromTree(json);
        } catch (MappingException e) {
            String rule = e.getMessage().substring(e.field().length() + 2);
            throw new FhirMappingException(fhirPath(e.field(), paths), rule);
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The FHIR element a plan field came from: the field's own, or that of the nearest field containing it. */
    static String fhirPath(String field, Map<String, String> paths) {
        String key = field;
        while (!key.isEmpty()) {
            String path = paths.get(key);
            if (path != null) {
                return path;
            }
            key = key.substring(0, Math.max(0, Math.max(key.lastIndexOf('.'), key.lastIndexOf('['))));
        }
        return "CarePlan";
    }
}
