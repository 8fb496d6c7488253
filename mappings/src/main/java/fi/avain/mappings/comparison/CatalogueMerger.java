package fi.avain.mappings.comparison;

import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.QualityIndicator;
import fi.avain.mappings.model.ServiceOffering;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Adds what the comparison catalogue knows to PTV's items. PTV stays the authority on what a
 * service or organisation is (id, names, texts, areas, source); the catalogue adds price, funding
 * modes, quality indicators and feedback. The result is modified when either side last changed.
 */
public final class CatalogueMerger {
    private CatalogueMerger() {
    }

    public static ServiceOffering merge(ServiceOffering ptv, ComparisonService comparison) {
        if (comparison.ptvServiceId().isPresent() && !comparison.ptvServiceId().get().equals(ptv.id())) {
            throw new IllegalArgumentException("the comparison service describes another PTV service");
        }
        ServiceOffering extra = comparison.offering();
        Set<FundingMode> fundingModes = EnumSet.noneOf(FundingMode.class);
        fundingModes.addAll(ptv.fundingModes());
        fundingModes.addAll(extra.fundingModes());
        return new ServiceOffering(ptv.id(), ptv.source(), ptv.name(), ptv.summary(), ptv.description(),
                ptv.eligibility(), ptv.serviceClasses(), ptv.targetGroups(), ptv.nationwide(),
                ptv.areaMunicipalities(), ptv.channelIds(), ptv.providerIds(),
                extra.price().or(ptv::price),
                fundingModes,
                ptv.languages(),
                concat(ptv.qualityIndicators(), extra.qualityIndicators()),
                extra.feedbackScore().or(ptv::feedbackScore),
                ptv.status(),
                later(ptv.modified(), extra.modified()));
    }

    public static Provider merge(Provider ptv, Provider comparison) {
        if (ptv.businessId().isEmpty() || !ptv.businessId().equals(comparison.businessId())) {
            throw new IllegalArgumentException("providers are merged only by the same business id");
        }
        return new Provider(ptv.id(), ptv.source(), ptv.type(), ptv.name(), ptv.description(), ptv.businessId(),
                ptv.oid(), ptv.municipality(), ptv.emails(), ptv.phones(), ptv.urls(),
                concat(ptv.qualityIndicators(), comparison.qualityIndicators()),
                comparison.feedbackScore().or(ptv::feedbackScore),
                ptv.status(),
                later(ptv.modified(), comparison.modified()));
    }

    private static List<QualityIndicator> concat(List<QualityIndicator> first, List<QualityIndicator> second) {
        List<QualityIndicator> all = new ArrayList<>(first);
        second.stream().filter(indicator -> !all.contains(indicator)).forEach(all::add);
        return all;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
