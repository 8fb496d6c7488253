package fi.avain.mappings.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coding;

/**
 * A ChargeItem of {@link FhirResources#chargeItem} as compact JSON, written straight from the charge it was built
 * from: the very bytes HAPI's JSON parser writes for that ChargeItem, without HAPI's walk over the model, which
 * costs several times the writing itself on a year of charges. Only a ChargeItem still as it was built is written
 * here; {@link #source} tells which.
 */
final class ChargeItemJson {
    private static final String SOURCE = ChargeItemJson.class.getName();
    private static final String DIV_START = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";

    private ChargeItemJson() {
    }

    static void tag(ChargeItem item, PortalCharge charge) {
        item.setUserData(SOURCE, charge);
    }

    /**
     * The charge a ChargeItem was built from, when it is still what was built: nothing HAPI's server or a caller
     * adds to a resource (a version, tags, profiles, contained resources) has been set on it.
     */
    static Optional<PortalCharge> source(IBaseResource resource) {
        if (!(resource instanceof ChargeItem item) || !(item.getUserData(SOURCE) instanceof PortalCharge charge)) {
            return Optional.empty();
        }
        boolean asBuilt = item.getIdElement().getIdPart() != null
                && item.getIdElement().getIdPart().equals(charge.id().toString())
                && !item.getIdElement().hasVersionIdPart() && !item.getIdElement().hasBaseUrl()
                && !item.getMeta().hasVersionId() && !item.getMeta().hasTag() && !item.getMeta().hasSecurity()
                && !item.getMeta().hasProfile() && !item.getMeta().hasSource() && !item.hasContained()
                && !item.hasModifierExtension() && item.getExtension().size() == 1 && !item.hasNote()
                && !item.hasImplicitRules() && !item.hasLanguage();
        return asBuilt ? Optional.of(charge) : Optional.empty();
    }

    static void write(JsonGenerator json, PortalCharge charge) throws IOException {
        json.writeStartObject();
        json.writeStringField("resourceType", "ChargeItem");
        json.writeStringField("id", charge.id().toString());
        json.writeObjectFieldStart("meta");
        json.writeStringField("lastUpdated", FhirTypes.instant(charge.updated()).getValueAsString());
        json.writeEndObject();
        json.writeObjectFieldStart("text");
        json.writeStringField("status", "generated");
        json.writeStringField("div", DIV_START + xhtmlText(FhirResources.chargeSummary(charge)) + "</div>");
        json.writeEndObject();

        json.writeArrayFieldStart("extension");
        json.writeStartObject();
        json.writeStringField("url", FhirNames.AMOUNTS);
        json.writeArrayFieldStart("extension");
        amount(json, FhirNames.HELD, charge.heldCents());
        amount(json, FhirNames.SPENT, charge.spentCents());
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();

        json.writeArrayFieldStart("identifier");
        json.writeStartObject();
        json.writeStringField("system", FhirNames.CHARGE_SOURCE + charge.channel());
        json.writeStringField("value", charge.sourceId());
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("status", FhirResources.CHARGE_STATUSES.get(charge.status()).toCode());

        json.writeObjectFieldStart("code");
        json.writeArrayFieldStart("coding");
        coding(json, FhirNames.CHARGE_CHANNEL, charge.channel(), FhirResources.CHANNEL_NAMES.get(charge.channel()));
        if (charge.serviceClass() != null) {
            Optional<Coding> serviceClass = FhirTypes.serviceClass(charge.serviceClass());
            if (serviceClass.isPresent()) {
                coding(json, serviceClass.get().getSystem(), serviceClass.get().getCode(), null);
            }
        }
        if (charge.merchantCategory() != null) {
            coding(json, FhirResources.MERCHANT_CATEGORY, charge.merchantCategory(), null);
        }
        json.writeEndArray();
        json.writeEndObject();

        reference(json, "subject", "Patient/" + charge.patientId(), null);
        String occurred = FhirTypes.dateTime(charge.occurred()).getValueAsString();
        json.writeStringField("occurrenceDateTime", occurred);
        if (charge.providerBusinessId() != null) {
            json.writeArrayFieldStart("performer");
            json.writeStartObject();
            json.writeObjectFieldStart("function");
            json.writeArrayFieldStart("coding");
            coding(json, FhirResources.PARTICIPATION_TYPE, "PRF", null);
            json.writeEndArray();
            json.writeEndObject();
            reference(json, "actor", "Organization/" + charge.providerBusinessId(), FhirResources.provider(charge));
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeFieldName("priceOverride");
        money(json, Math.addExact(charge.heldCents(), charge.spentCents()));
        json.writeStringField("enteredDate", occurred);
        json.writeArrayFieldStart("account");
        json.writeStartObject();
        json.writeStringField("reference", "Account/" + charge.lineId());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void amount(JsonGenerator json, String url, long cents) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeFieldName("valueMoney");
        money(json, cents);
        json.writeEndObject();
    }

    private static void money(JsonGenerator json, long cents) throws IOException {
        json.writeStartObject();
        json.writeFieldName("value");
        json.writeNumber(BigDecimal.valueOf(cents, 2).toPlainString());
        json.writeStringField("currency", FhirTypes.EUR);
        json.writeEndObject();
    }

    private static void coding(JsonGenerator json, String system, String code, String display) throws IOException {
        json.writeStartObject();
        json.writeStringField("system", system);
        json.writeStringField("code", code);
        if (display != null) {
            json.writeStringField("display", display);
        }
        json.writeEndObject();
    }

    private static void reference(JsonGenerator json, String field, String reference, String display)
            throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("reference", reference);
        if (display != null) {
            json.writeStringField("display", display);
        }
        json.writeEndObject();
    }

    /** Text as HAPI's XHTML composer writes it: markup characters as entities, and so a character beyond 16 bits. */
    static String xhtmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))
                        ? "&#x" + Integer.toHexString(Character.toCodePoint(c, text.charAt(i + 1)))
                                .toUpperCase(java.util.Locale.ROOT) + ";"
                        : null;
            };
            if (entity == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(entity);
            if (entity.startsWith("&#x")) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
