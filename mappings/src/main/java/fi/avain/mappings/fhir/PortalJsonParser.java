package fi.avain.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.JsonParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;

/**
 * HAPI's JSON parser, except that the portal's ChargeItems, alone or as a search Bundle of them, are written by
 * {@link ChargeItemJson}: the same bytes, several times sooner. Anything else, and anything asked in another shape
 * (pretty, summary, chosen elements), is HAPI's own. HAPI's parser cannot be extended at that point (its encoding
 * context is not public), so this stands in front of it as the same interface.
 */
final class PortalJsonParser implements InvocationHandler {
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final IParser hapi;
    /** Whether the caller asked for nothing beyond the compact default that {@link ChargeItemJson} writes. */
    private boolean plain = true;

    private PortalJsonParser(IParser hapi) {
        this.hapi = hapi;
    }

    static IParser create(FhirContext context, IParserErrorHandler errors) {
        return (IParser) Proxy.newProxyInstance(IJsonLikeParser.class.getClassLoader(),
                new Class<?>[] {IJsonLikeParser.class}, new PortalJsonParser(new JsonParser(context, errors)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        int arguments = args == null ? 0 : args.length;
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "PortalJsonParser in front of " + hapi;
            };
        }
        switch (method.getName()) {
            case "encodeResourceToWriter" -> {
                if (arguments == 2 && args[0] instanceof IBaseResource resource && args[1] instanceof Writer writer
                        && written(resource, writer)) {
                    return null;
                }
            }
            case "encodeResourceToString" -> {
                if (arguments == 1 && args[0] instanceof IBaseResource resource) {
                    StringWriter writer = new StringWriter();
                    if (written(resource, writer)) {
                        return writer.toString();
                    }
                }
            }
            case "setPrettyPrint", "setSummaryMode", "setSuppressNarratives", "setOmitResourceId" ->
                    plain &= !Boolean.TRUE.equals(args[0]);
            case "setEncodeElements", "setDontEncodeElements" ->
                    plain &= args[0] == null || ((Collection<?>) args[0]).isEmpty();
            case "setEncodeForceResourceId" -> plain &= args[0] == null;
            default -> {
                // HAPI's own
            }
        }
        try {
            Object result = method.invoke(hapi, args);
            // fluent setters answer the parser itself: the caller keeps this one
            return result == hapi ? proxy : result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Writes the resource when it is the portal's ChargeItem or a Bundle of nothing else; false when not. */
    private boolean written(IBaseResource resource, Writer writer) throws IOException {
        if (!plain) {
            return false;
        }
        if (resource instanceof Bundle bundle) {
            Optional<List<PortalCharge>> charges = charges(bundle);
            if (charges.isPresent()) {
                try (JsonGenerator json = JSON.createGenerator(writer)) {
                    writeBundle(json, bundle, charges.get());
                }
                return true;
            }
        } else if (resource instanceof ChargeItem) {
            Optional<PortalCharge> charge = ChargeItemJson.source(resource);
            if (charge.isPresent()) {
                try (JsonGenerator json = JSON.createGenerator(writer)) {
                    ChargeItemJson.write(json, charge.get());
                }
                return true;
            }
        }
        return false;
    }

    /** The charges of a Bundle that holds nothing but the portal's ChargeItems and what a search sets. */
    private static Optional<List<PortalCharge>> charges(Bundle bundle) {
        IIdType id = bundle.getIdElement();
        if (bundle.hasIdentifier() || bundle.hasTimestamp() || bundle.hasSignature() || bundle.hasImplicitRules()
                || bundle.hasLanguage() || !bundle.hasType() || id.hasVersionIdPart() || id.hasBaseUrl()
                || bundle.getMeta().hasVersionId() || bundle.getMeta().hasTag() || bundle.getMeta().hasSecurity()
                || bundle.getMeta().hasProfile() || bundle.getMeta().hasSource() || bundle.getMeta().hasExtension()) {
            return Optional.empty();
        }
        for (Bundle.BundleLinkComponent link : bundle.getLink()) {
            if (link.hasExtension() || link.hasModifierExtension() || link.hasId() || !link.hasRelation()
                    || !link.hasUrl()) {
                return Optional.empty();
            }
        }
        List<PortalCharge> charges = new ArrayList<>(bundle.getEntry().size());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Optional<PortalCharge> charge = ChargeItemJson.source(entry.getResource());
            if (charge.isEmpty() || entry.hasRequest() || entry.hasResponse() || entry.hasLink() || entry.hasId()
                    || entry.hasExtension() || entry.hasModifierExtension()
                    || entry.getSearch().hasScore() || entry.getSearch().hasExtension()
                    || entry.getSearch().hasId()) {
                return Optional.empty();
            }
            charges.add(charge.get());
        }
        return Optional.of(charges);
    }

    private static void writeBundle(JsonGenerator json, Bundle bundle, List<PortalCharge> charges)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("resourceType", "Bundle");
        if (bundle.getIdElement().hasIdPart()) {
            json.writeStringField("id", bundle.getIdElement().getIdPart());
        }
        if (bundle.getMeta().hasLastUpdated()) {
            json.writeObjectFieldStart("meta");
            json.writeStringField("lastUpdated", bundle.getMeta().getLastUpdatedElement().getValueAsString());
            json.writeEndObject();
        }
        json.writeStringField("type", bundle.getType().toCode());
        if (bundle.hasTotal()) {
            json.writeNumberField("total", bundle.getTotal());
        }
        if (bundle.hasLink()) {
            json.writeArrayFieldStart("link");
            for (Bundle.BundleLinkComponent link : bundle.getLink()) {
                json.writeStartObject();
                json.writeStringField("relation", link.getRelation());
                json.writeStringField("url", link.getUrl());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (bundle.hasEntry()) {
            json.writeArrayFieldStart("entry");
            for (int i = 0; i < charges.size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                json.writeStartObject();
                if (entry.hasFullUrl()) {
                    json.writeStringField("fullUrl", entry.getFullUrl());
                }
                json.writeFieldName("resource");
                ChargeItemJson.write(json, charges.get(i));
                if (entry.getSearch().hasMode()) {
                    json.writeObjectFieldStart("search");
                    json.writeStringField("mode", entry.getSearch().getMode().toCode());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
