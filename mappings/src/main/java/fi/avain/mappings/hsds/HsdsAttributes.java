package fi.avain.mappings.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.QualityIndicator;
import fi.avain.mappings.model.ServiceClassUri;
import fi.avain.mappings.model.TargetGroup;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * HSDS attributes: a taxonomy term linked to an organisation or service, with an optional value.
 * Each taxonomy is named by a short code; a term's id depends only on its taxonomy and code, so
 * every object that carries a term refers to the same term.
 */
final class HsdsAttributes {
    static final String SERVICE_CLASS = "ptv-service-class";
    static final String TARGET_GROUP = "ptv-target-group";
    static final String FUNDING_MODE = "funding-mode";
    static final String QUALITY_INDICATOR = "quality-indicator";
    static final String FEEDBACK = "client-feedback";

    private final UUID linkId;
    private final String linkEntity;
    private final ArrayNode array = HsdsNodes.NODES.arrayNode();

    HsdsAttributes(UUID linkId, String linkEntity) {
        this.linkId = linkId;
        this.linkEntity = linkEntity;
    }

    HsdsAttributes serviceClass(ServiceClassUri uri) {
        String code = uri.code().orElse(uri.value());
        ObjectNode term = term(SERVICE_CLASS, code, code, "PTV service class " + code);
        term.put("term_uri", uri.value());
        return add(term, Optional.empty());
    }

    HsdsAttributes targetGroup(TargetGroup group) {
        String code = group.code() == null ? group.uri() : group.code();
        String name = group.name().preferred().orElse(code);
        ObjectNode term = term(TARGET_GROUP, code, name, "PTV target group " + code);
        term.put("term_uri", group.uri());
        return add(term, Optional.empty());
    }

    HsdsAttributes fundingMode(FundingMode mode) {
        String code = HsdsMapper.fundingSource(mode);
        return add(term(FUNDING_MODE, code, code, describe(mode)), Optional.empty());
    }

    private static String describe(FundingMode mode) {
        return switch (mode) {
            case PUBLIC -> "Publicly funded";
            case VOUCHER -> "Service voucher (palveluseteli)";
            case PERSONAL_BUDGET -> "Personal budget (henkilökohtainen budjetti)";
            case SELF_PAID -> "Paid by the client";
            case FREE -> "Free of charge";
        };
    }

    HsdsAttributes qualityIndicator(QualityIndicator indicator) {
        String code = indicator.name() + " " + indicator.scale();
        ObjectNode term = term(QUALITY_INDICATOR, code, indicator.name(),
                "Quality indicator on the scale " + indicator.scale() + ", measured " + indicator.date());
        return add(term, Optional.of(indicator.value().toPlainString()));
    }

    HsdsAttributes feedbackScore(Optional<BigDecimal> score) {
        score.ifPresent(s -> add(term(FEEDBACK, "score", "Client feedback score",
                "Mean client feedback on the scale 0-5"), Optional.of(s.toPlainString())));
        return this;
    }

    ArrayNode array() {
        return array;
    }

    private HsdsAttributes add(ObjectNode term, Optional<String> value) {
        ObjectNode attribute = HsdsNodes.object(HsdsIds.child(linkId, "attribute", array.size()));
        attribute.put("link_id", linkId.toString());
        attribute.put("link_entity", linkEntity);
        attribute.put("taxonomy_term_id", term.get("id").asText());
        HsdsNodes.put(attribute, "value", value);
        attribute.set("taxonomy_term", term);
        array.add(attribute);
        return this;
    }

    private static ObjectNode term(String taxonomy, String code, String name, String description) {
        ObjectNode term = HsdsNodes.object(HsdsIds.term(taxonomy, code.toLowerCase(Locale.ROOT)));
        term.put("code", code);
        term.put("name", name);
        term.put("description", description);
        term.put("taxonomy", taxonomy);
        return term;
    }
}
