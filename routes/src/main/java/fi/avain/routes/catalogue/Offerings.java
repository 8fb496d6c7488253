package fi.avain.routes.catalogue;

import fi.avain.mappings.model.ServiceOffering;
import java.util.List;
import java.util.UUID;

/** Small changes to a service offering that the sync needs. */
final class Offerings {
    private Offerings() {
    }

    /** The offering as given by the provider that Avain knows it under. */
    static ServiceOffering withProvider(ServiceOffering s, UUID providerId) {
        return new ServiceOffering(s.id(), s.source(), s.name(), s.summary(), s.description(), s.eligibility(),
                s.serviceClasses(), s.targetGroups(), s.nationwide(), s.areaMunicipalities(), s.channelIds(),
                List.of(providerId), s.price(), s.fundingModes(), s.languages(), s.qualityIndicators(),
                s.feedbackScore(), s.status(), s.modified());
    }
}
