package fi.avain.mappings.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

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
     * The charge a ChargeItem was built from, when the ChargeItem still says what the charge does: nothing set
     * that {@link FhirResources#chargeItem} does not set (a version, tags, contained resources, a resource
     * behind a reference, any other element), and what it sets still the charge's. Otherwise HAPI writes it.
     */
    static Optional<PortalCharge> source(IBaseResource resource) {
        if (!(resource instanceof ChargeItem item) || !(item.getUserData(SOURCE) instanceof PortalCharge charge)) {
            return Optional.empty();
        }
        return asBuilt(item, charge) ? Optional.of(charge) : Optional.empty();
    }

    private static boolean asBuilt(ChargeItem item, PortalCharge charge) {
        if (item.hasImplicitRules() || item.hasLanguage() || item.hasContained() || item.hasModifierExtension()
                || item.hasDefinitionUri() || item.hasDefinitionCanonical() || item.hasPartOf() || item.hasContext()
                || item.hasPerformingOrganization() || item.hasRequestingOrganization() || item.hasCostCenter()
                || item.hasQuantity() || item.hasBodysite() || item.hasFactorOverride() || item.hasOverrideReason()
                || item.hasEnterer() || item.hasReason() || item.hasService() || item.hasProduct() || item.hasNote()
                || item.hasSupportingInformation()) {
            return false;
        }
        Meta meta = item.getMeta();
        if (meta.hasVersionId() || meta.hasTag() || meta.hasSecurity() || meta.hasProfile() || meta.hasSource()
                || meta.hasExtension() || !same(meta.getLastUpdatedElement(), FhirTypes.text(charge.updated()))) {
            return false;
        }
        IdType id = item.getIdElement();
        if (!charge.id().toString().equals(id.getIdPart()) || id.hasVersionIdPart() || id.hasBaseUrl()) {
            return false;
        }
        ChargeItemStatus status = FhirResources.CHARGE_STATUSES.get(charge.status());
        Money price = item.getPriceOverride();
        return item.getStatus() == status && item.getExtension().size() == 1 && item.getIdentifier().size() == 1
                && charge.sourceId().equals(item.getIdentifierFirstRep().getValue())
                && referenceIs(item.getSubject(), "Patient/" + charge.patientId())
                && item.getAccount().size() == 1 && referenceIs(item.getAccount().get(0), "Account/" + charge.lineId())
                && item.getPerformer().size() == (charge.providerBusinessId() == null ? 0 : 1)
                && (charge.providerBusinessId() == null || referenceIs(item.getPerformerFirstRep().getActor(),
                        "Organization/" + charge.providerBusinessId()))
                && codesAre(item, charge) && item.hasOccurrenceDateTimeType()
                && same(item.getOccurrenceDateTimeType(), charge.occurrence())
                && same(item.getEnteredDateElement(), FhirTypes.text(charge.occurred()))
                && price.getValue() != null
                && price.getValue().compareTo(BigDecimal.valueOf(charge.heldCents() + charge.spentCents(), 2)) == 0
                && item.getText().hasDiv()
                && FhirResources.chargeSummary(charge).equals(item.getText().getDiv().allText());
    }

    private static boolean codesAre(ChargeItem item, PortalCharge charge) {
        List<Coding> codings = item.getCode().getCoding();
        int expected = 1 + (charge.merchantCategory() == null ? 0 : 1) + (charge.serviceClass() == null ? 0
                : FhirTypes.serviceClass(charge.serviceClass()).map(c -> 1).orElse(0));
        return codings.size() == expected && charge.channel().equals(codings.get(0).getCode())
                && (charge.merchantCategory() == null
                        || charge.merchantCategory().equals(codings.get(expected - 1).getCode()));
    }

    private static boolean same(PrimitiveType<?> value, String built) {
        return value != null && built.equals(value.getValueAsString());
    }

    private static boolean referenceIs(Reference reference, String to) {
        return reference != null && reference.getResource() == null && to.equals(reference.getReference());
    }

    static void write(JsonGenerator json, PortalCharge charge) throws IOException {
        json.writeStartObject();
        json.writeStringField("resourceType", "ChargeItem");
        json.writeStringField("id", charge.id().toString());
        json.writeObjectFieldStart("meta");
        json.writeStringField("lastUpdated", FhirTypes.text(charge.updated()));
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
        json.writeStringField("occurrenceDateTime", charge.occurrence());
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
        json.writeStringField("enteredDate", FhirTypes.text(charge.occurred()));
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
