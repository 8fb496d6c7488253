package fi.avain.it;

import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.comparison.ComparisonSimulator;

/** The comparison catalogue's state between tests. */
final class ComparisonCatalogueFixtures {
    private ComparisonCatalogueFixtures() {
    }

    static ComparisonCatalogue empty() {
        return ComparisonCatalogue.empty();
    }

    static void clear(ComparisonSimulator simulator) {
        for (String businessId : simulator.catalogue().businessIds()) {
            simulator.catalogue().remove(businessId);
        }
    }
}
